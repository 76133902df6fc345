namespace Vigil.Ingest;

/// <summary>What became of a batch handed to <see cref="EventIngestor"/>.</summary>
public enum IngestOutcome
{
    /// <summary>Every event was accepted, counted as a duplicate or rejected on its own; new events are delivered (202).</summary>
    Accepted,

    /// <summary>More events than allowed; nothing was used (413).</summary>
    TooManyEvents,

    /// <summary>A JSON-array body that is not a well-formed array; nothing was used (400).</summary>
    MalformedBody,

    /// <summary>The grains could not take the events; none were recorded as seen, so a retry is used (503).</summary>
    DeliveryFailed,
}
