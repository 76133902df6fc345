namespace Vigil.Runtime.Grains;

/// <summary>The identity of a virtual actor: its grain type plus a string key, for example <c>room/r-123</c>.</summary>
public readonly record struct GrainId
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    /// <summary>The grain type name, for example <c>room</c>.</summary>
    public string Type { get; }

    /// <summary>The key within the type, for example a room id.</summary>
    public string Key { get; }

    public override string ToString() => Type + "/" + Key;
}
