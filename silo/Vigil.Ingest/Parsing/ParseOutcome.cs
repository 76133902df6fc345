namespace Vigil.Ingest.Parsing;

/// <summary>Whether a body could be used at all; bad single events are rejections inside a parsed batch, not outcomes.</summary>
public enum ParseOutcome
{
    /// <summary>Every event was accepted or rejected on its own.</summary>
    Parsed,

    /// <summary>More events than the limit: the contract answers 413 and nothing of the request is used.</summary>
    TooManyEvents,

    /// <summary>A JSON-array body that is not a well-formed JSON array, so no element can be told from the next (400).</summary>
    MalformedBody,
}
