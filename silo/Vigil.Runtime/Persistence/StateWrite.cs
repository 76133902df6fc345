using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Persistence;

/// <summary>One record to write in a batch.</summary>
public readonly record struct StateWrite(GrainId GrainId, string StateName, ReadOnlyMemory<byte> Payload, string? ExpectedEtag);
