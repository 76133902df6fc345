namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Calls counted by a <see cref="IThreadProbeGrain"/>, and whether two of its turns ever overlapped.</summary>
public sealed record TallyReading(int Count, bool OverlapSeen);
