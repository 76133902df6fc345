using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Vigil.Simulator.Targets;

/// <summary>
/// Posts batches to <c>POST /api/events</c> as <c>application/x-ndjson</c> with the <c>X-Api-Key</c> header. Connection
/// errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter (250 ms doubling to 10 s, or the
/// server's <c>Retry-After</c>); resending is safe because ingest is idempotent by event id. 401/403, 413 and other
/// 4xx answers are not retried.
/// </summary>
public sealed class HttpEventTarget : IEventTarget, IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson");
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly HttpClient client;
    private readonly bool ownsClient;
    private readonly Uri endpoint;
    private readonly string apiKey;
    private readonly TimeProvider timeProvider;
    private readonly int maxRetries;

    /// <param name="baseAddress">The silo, e.g. <c>http://localhost:5080</c>; <c>api/events</c> is resolved against it.</param>
    /// <param name="apiKey">Sent as <c>X-Api-Key</c>; one of the silo's <c>Vigil:Ingest:ApiKeys</c>.</param>
    /// <param name="timeProvider">Clock of the backoff delays.</param>
    /// <param name="maxRetries">Retries of one batch after the first attempt before giving up.</param>
    /// <param name="client">A client to use (not disposed here); by default one with a 30 s timeout is created.</param>
    public HttpEventTarget(Uri baseAddress, string apiKey, TimeProvider? timeProvider = null, int maxRetries = 8, HttpClient? client = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        ownsClient = client is null;
        this.client = client ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var withSlash = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        endpoint = new Uri(withSlash, "api/events");
        this.apiKey = apiKey;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.maxRetries = maxRetries;
    }

    public Uri Endpoint => endpoint;

    public async ValueTask<BatchResult> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ReadOnlyMemoryContent(batch.Payload) };
                request.Content.Headers.ContentType = Ndjson;
                request.Headers.Add(ApiKeyHeader, apiKey);
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return ParseAnswer(body, batch.Count, attempt);
                }

                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}";
                if (!IsTransient(response.StatusCode))
                {
                    throw new EventTargetException(response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"{endpoint} refused the API key ({failure}). Check --api-key against Vigil:Ingest:ApiKeys.",
                        HttpStatusCode.RequestEntityTooLarge => $"{endpoint} refused a batch of {batch.Count} events as too large ({failure}). Use a smaller --batch.",
                        _ => $"{endpoint} refused the batch ({failure}).",
                    });
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException exception)
            {
                failure = exception.Message;
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timed out: " + exception.Message;
            }

            if (attempt > maxRetries)
            {
                throw new EventTargetException($"Gave up on {endpoint} after {attempt} attempts; last error: {failure}");
            }

            await Task.Delay(retryAfter ?? Backoff(attempt), timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    /// <summary>Exponential, capped, with full jitter on the upper half so that many senders do not retry in step.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, FirstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * Random.Shared.NextDouble()));
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Reads <c>{"accepted": N, "duplicates": D, "rejected": [...]}</c>; an empty or foreign body counts all as accepted.</summary>
    private static BatchResult ParseAnswer(string body, int count, int attempts)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return BatchResult.AllAccepted(count) with { Attempts = attempts };
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accepted = root.TryGetProperty("accepted", out var a) && a.TryGetInt32(out var av) ? av : count;
            var duplicates = root.TryGetProperty("duplicates", out var d) && d.TryGetInt32(out var dv) ? dv : 0;
            var rejected = new List<RejectedLine>();
            if (root.TryGetProperty("rejected", out var r) && r.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in r.EnumerateArray())
                {
                    rejected.Add(new RejectedLine(
                        item.TryGetProperty("line", out var line) && line.TryGetInt32(out var lv) ? lv : 0,
                        item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                        item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() ?? "" : ""));
                }
            }

            return new BatchResult(accepted, duplicates, rejected, attempts);
        }
        catch (JsonException)
        {
            return BatchResult.AllAccepted(count) with { Attempts = attempts };
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "...";
}
