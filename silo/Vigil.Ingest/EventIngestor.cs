using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Deduplication;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Diagnostics;
using Vigil.Ingest.Parsing;

namespace Vigil.Ingest;

/// <summary>
/// The ingest pipeline without HTTP: parse and validate a body, drop ids seen before, deliver the rest, count and
/// log. <c>POST /api/events</c> runs it after its key, media-type and size checks; an in-process producer (the
/// embedded traffic simulator) can call it directly and get the same validation, idempotency and answer.
/// </summary>
public sealed class EventIngestor(
    IOptions<IngestOptions> options,
    EventDeduplicator deduplicator,
    IEventSink sink,
    IngestMetrics metrics,
    TimeProvider time,
    ILogger<EventIngestor> logger)
{
    private readonly EventParseLimits _limits = new(options.Value.MaxEvents, options.Value.MaxFutureSkew);

    /// <summary>
    /// Uses one body (NDJSON or a JSON array, UTF-8) and completes once the new events are delivered. Not
    /// cancellable once parsed: a half-delivered batch whose ids were already remembered would turn the producer's
    /// retry into "duplicates" and lose events.
    /// </summary>
    public async Task<IngestResult> IngestAsync(ReadOnlyMemory<byte> body, ContentKind kind)
    {
        var started = time.GetTimestamp();
        metrics.RequestBytes.Record(body.Length);
        var batch = EventBatchParser.Parse(body.Span, kind, time.GetUtcNow(), _limits);
        if (batch.Outcome == ParseOutcome.TooManyEvents)
        {
            return new IngestResult(IngestOutcome.TooManyEvents, null, $"The request has more than {_limits.MaxEvents} events, the most accepted per request; nothing was used. Split the events over several requests.");
        }

        if (batch.Outcome == ParseOutcome.MalformedBody)
        {
            return new IngestResult(IngestOutcome.MalformedBody, null, batch.Problem + "; nothing was used.");
        }

        var admitted = deduplicator.Admit(batch.Events);
        metrics.ParseDuration.Record(time.GetElapsedTime(started).TotalMilliseconds);
        if (admitted.Fresh.Count > 0)
        {
            var delivering = time.GetTimestamp();
            try
            {
                await sink.DeliverAsync(admitted.Fresh, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // Whatever failed (a grain's exception, a timeout), the producer must be able to send the batch again.
                deduplicator.Forget(admitted.Fresh);
                IngestLog.DeliveryFailed(logger, exception, admitted.Fresh.Count);
                return new IngestResult(IngestOutcome.DeliveryFailed, null, "The events could not be delivered to the grains and none were recorded as seen; send the request again.");
            }

            metrics.DeliverDuration.Record(time.GetElapsedTime(delivering).TotalMilliseconds);
        }

        metrics.Accepted.Add(admitted.Fresh.Count);
        metrics.Duplicates.Add(admitted.Duplicates);
        metrics.Rejected.Add(batch.Rejections.Count);
        if (batch.Rejections.Count > 0)
        {
            var first = batch.Rejections[0];
            IngestLog.Rejected(logger, batch.Rejections.Count, batch.ItemCount, first.Line, first.Error);
        }

        IngestLog.Ingested(logger, admitted.Fresh.Count, admitted.Duplicates, batch.Rejections.Count, body.Length, time.GetElapsedTime(started).TotalMilliseconds);
        return new IngestResult(IngestOutcome.Accepted, new IngestResponse(admitted.Fresh.Count, admitted.Duplicates, batch.Rejections), null);
    }
}
