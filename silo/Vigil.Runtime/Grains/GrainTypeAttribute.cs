namespace Vigil.Runtime.Grains;

/// <summary>Names a grain class's type in grain ids and storage (default: the class name without the "Grain" suffix, lower case).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
