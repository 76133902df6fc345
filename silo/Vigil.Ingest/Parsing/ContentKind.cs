namespace Vigil.Ingest.Parsing;

/// <summary>Which of the contract's two body forms a request uses.</summary>
public enum ContentKind
{
    /// <summary><c>application/x-ndjson</c>: one JSON object per line.</summary>
    NdJson,

    /// <summary><c>application/json</c>: one JSON array of objects.</summary>
    JsonArray,
}
