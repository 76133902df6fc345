namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>The managed thread a turn ran on, and the value of <see cref="ThreadProbeGrain.Ambient"/> it saw.</summary>
public sealed record TurnSighting(int ThreadId, string? Ambient);
