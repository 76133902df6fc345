using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Diagnostics;
using Vigil.Ingest.Parsing;

namespace Vigil.Ingest.Http;

/// <summary>
/// <c>POST /api/events</c> in the contract's order: the key (401), the media type (415), the size (413), then the
/// body through <see cref="EventIngestor"/>. Nothing of a request refused before the ingestor is read or used.
/// </summary>
public sealed class IngestRequestHandler(
    IOptions<IngestOptions> options,
    EventIngestor ingestor,
    IngestMetrics metrics,
    ILogger<IngestRequestHandler> logger)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string NdJsonMediaType = "application/x-ndjson";
    public const string JsonMediaType = "application/json";

    private readonly long _maxBytes = options.Value.MaxBytes;
    private readonly ApiKeyVerifier _keys = new(options);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!_keys.IsValid(request.Headers[ApiKeyHeader]))
        {
            IngestLog.Unauthorized(logger, context.Connection.RemoteIpAddress?.ToString(), request.Headers.ContainsKey(ApiKeyHeader) ? "unknown" : "missing");
            return Refuse(StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a configured producer key in the {ApiKeyHeader} header.");
        }

        if (!TryGetContentKind(request.ContentType, out var kind, out var mediaProblem))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", mediaProblem);
        }

        if (request.ContentLength > _maxBytes)
        {
            return TooLarge(context, Invariant($"The body declares {request.ContentLength} bytes; at most {_maxBytes} bytes are accepted per request. Split the events over several requests."));
        }

        IngestResult result;
        try
        {
            using var body = await RequestBody.ReadAsync(context, _maxBytes, context.RequestAborted);
            if (body is null)
            {
                return TooLarge(context, Invariant($"The body is larger than {_maxBytes} bytes, the most accepted per request. Split the events over several requests."));
            }

            result = await ingestor.IngestAsync(body.Memory, kind);
        }
        catch (BadHttpRequestException exception)
        {
            // The client broke the body off or sent it too slowly; Kestrel knows the fitting status.
            return Refuse(exception.StatusCode, "Bad Request", exception.Message);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client went away while sending; nothing was used and nobody is left to answer.
            IngestLog.Refused(logger, StatusCodes.Status400BadRequest, "the client closed the connection before the body was read");
            return Results.Empty;
        }

        switch (result.Outcome)
        {
            case IngestOutcome.TooManyEvents:
                return TooLarge(context, result.Problem!);
            case IngestOutcome.MalformedBody:
                return Refuse(StatusCodes.Status400BadRequest, "Bad Request", result.Problem!);
            case IngestOutcome.DeliveryFailed:
                context.Response.Headers.RetryAfter = "5";
                return Refuse(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", result.Problem!);
        }

        metrics.Requests.Add(1, new KeyValuePair<string, object?>("status", StatusCodes.Status202Accepted));
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(result.Response, IngestJsonContext.Readable.IngestResponse, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary><c>application/x-ndjson</c> or <c>application/json</c>, any case, with no charset or a UTF-8 one.</summary>
    internal static bool TryGetContentKind(string? contentType, out ContentKind kind, out string problem)
    {
        kind = default;
        problem = $"Send Content-Type {NdJsonMediaType} (one JSON object per line) or {JsonMediaType} (a JSON array), UTF-8 only.";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The charset must be UTF-8 (was '{media.Charset}'). " + problem;
            return false;
        }

        if (media.MediaType.Equals(NdJsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            kind = ContentKind.NdJson;
            return true;
        }

        if (media.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            kind = ContentKind.JsonArray;
            return true;
        }

        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private IResult TooLarge(HttpContext context, string detail)
    {
        // The rest of an oversized body is not read; closing the connection spares draining it.
        context.Response.Headers.Connection = "close";
        return Refuse(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", detail);
    }

    private IResult Refuse(int statusCode, string title, string detail)
    {
        metrics.Requests.Add(1, new KeyValuePair<string, object?>("status", statusCode));
        if (statusCode != StatusCodes.Status401Unauthorized)
        {
            IngestLog.Refused(logger, statusCode, detail);
        }

        return Results.Problem(detail: detail, statusCode: statusCode, title: title);
    }
}
