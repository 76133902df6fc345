using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Deduplication;

/// <summary>The events of a batch whose ids were new, in batch order, and how many were duplicates.</summary>
public readonly record struct DeduplicationResult(IReadOnlyList<LiveEvent> Fresh, int Duplicates);
