namespace Vigil.Runtime.Grains;

/// <summary>Sets how long an activation of this grain class may stay idle before it is deactivated.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute(double minutes) : Attribute
{
    public TimeSpan Limit { get; } = TimeSpan.FromMinutes(minutes);
}
