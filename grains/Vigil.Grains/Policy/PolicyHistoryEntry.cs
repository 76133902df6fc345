namespace Vigil.Grains.Policy;

/// <summary>One policy activation: which version, when, from where (a file path, "api:alice", "default"), and the SHA-256 of its text.</summary>
public sealed record PolicyHistoryEntry(int Version, DateTimeOffset AppliedAt, string Source, string Hash);
