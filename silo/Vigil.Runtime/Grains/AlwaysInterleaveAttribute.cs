namespace Vigil.Runtime.Grains;

/// <summary>Marks a grain method that may run interleaved with any other call, including a call chain back into the grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
