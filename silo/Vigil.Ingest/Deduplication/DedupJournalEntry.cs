namespace Vigil.Ingest.Deduplication;

/// <summary>One admitted id waiting to be journalled: its event-time hour (ticks / hour) and its keyed hash.</summary>
public readonly record struct DedupJournalEntry(long Hour, ulong Hash);
