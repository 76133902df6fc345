using Vigil.Ingest.Parsing;

namespace Vigil.Ingest;

/// <summary>The contract's answer to a used batch (HTTP 202): <c>{"accepted": N, "duplicates": D, "rejected": [...]}</c>.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<EventRejection> Rejected);
