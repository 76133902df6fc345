namespace Vigil.Benchmarks.Infrastructure;

/// <summary>One line of the allocations table: bytes allocated per operation and collections during the timed windows.</summary>
internal sealed record AllocationRow(string Figure, string Unit, double RuntimeBytes, double BaselineBytes, string RuntimeCollections, string BaselineCollections);
