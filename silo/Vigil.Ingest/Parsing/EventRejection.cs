namespace Vigil.Ingest.Parsing;

/// <summary>
/// One rejected event: its 1-based line (NDJSON) or array index + 1, its id when it had a valid one, and
/// <c>"&lt;field&gt;: &lt;problem&gt;"</c> worded so the producer's engineer can fix it.
/// </summary>
public sealed record EventRejection(int Line, string? Id, string Error);
