using System.Net;
using System.Text.Json;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>An HTTP answer of the ingest endpoint, with the 202 body read as the contract spells it.</summary>
public sealed record IngestReply(HttpStatusCode Status, string Body, string? MediaType)
{
    public int Accepted => Json.GetProperty("accepted").GetInt32();

    public int Duplicates => Json.GetProperty("duplicates").GetInt32();

    public IReadOnlyList<Rejection> Rejected =>
    [
        .. Json.GetProperty("rejected").EnumerateArray().Select(r => new Rejection(
            r.GetProperty("line").GetInt32(),
            r.GetProperty("id").ValueKind == JsonValueKind.Null ? null : r.GetProperty("id").GetString(),
            r.GetProperty("error").GetString()!)),
    ];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public sealed record Rejection(int Line, string? Id, string Error);
}
