namespace Vigil.Ingest.Configuration;

/// <summary>Settings of <c>POST /api/events</c>, bound from <c>Vigil:Ingest</c>; the defaults are contract v1's limits.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Vigil:Ingest";

    /// <summary>
    /// Keys producers send in <c>X-Api-Key</c> (environment form <c>Vigil__Ingest__ApiKeys__0</c>), each at least 16
    /// characters. With none, <c>POST /api/events</c> answers 401 to every request.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Most events (non-blank lines or array elements) in one request; more gets 413 and nothing is used.</summary>
    public int MaxEvents { get; set; } = 10_000;

    /// <summary>Largest request body in bytes (16 MiB); larger gets 413 and nothing is used.</summary>
    public long MaxBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How far an event's <c>ts</c> may lie ahead of the receiver's clock.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How much event time an id is remembered for idempotency; the contract promises at least 24 hours.</summary>
    public TimeSpan DedupRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The folder where admitted ids are journalled so a restart still knows them (the silo sets
    /// <c>&lt;Vigil:DataPath&gt;/ingest-dedup</c>); empty keeps them in memory only.
    /// </summary>
    public string DedupJournalPath { get; set; } = string.Empty;

    /// <summary>How often newly admitted ids are appended to the journal (and on shutdown).</summary>
    public TimeSpan DedupCheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);
}
