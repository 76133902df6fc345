namespace Vigil.Runtime.Grains;

/// <summary>Marks a grain class whose calls interleave freely at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute;
