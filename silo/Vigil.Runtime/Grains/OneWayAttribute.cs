namespace Vigil.Runtime.Grains;

/// <summary>Marks a fire-and-forget grain method: the caller does not wait and gets no result or exception.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
