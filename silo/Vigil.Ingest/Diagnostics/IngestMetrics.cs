using System.Diagnostics.Metrics;
using Vigil.Ingest.Deduplication;

namespace Vigil.Ingest.Diagnostics;

/// <summary>
/// Ingest's instruments, on the meter <c>Vigil.Ingest</c>: events accepted, rejected and duplicate, request sizes,
/// parse and delivery durations, requests by status code, and ids remembered for idempotency.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "Vigil.Ingest";

    private readonly Meter _meter;

    public IngestMetrics(EventDeduplicator deduplicator, IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Requests = _meter.CreateCounter<long>("vigil.ingest.requests", "{request}", "Requests to POST /api/events, by HTTP status code.");
        Accepted = _meter.CreateCounter<long>("vigil.ingest.events.accepted", "{event}", "Valid, new events handed to the grains.");
        Rejected = _meter.CreateCounter<long>("vigil.ingest.events.rejected", "{event}", "Events rejected for breaking the contract.");
        Duplicates = _meter.CreateCounter<long>("vigil.ingest.events.duplicate", "{event}", "Valid events whose id was seen before.");
        RequestBytes = _meter.CreateHistogram<long>("vigil.ingest.request.bytes", "By", "Body size of requests that were read.");
        ParseDuration = _meter.CreateHistogram<double>("vigil.ingest.parse.duration", "ms", "Parsing, validating and de-duplicating one body.");
        DeliverDuration = _meter.CreateHistogram<double>("vigil.ingest.deliver.duration", "ms", "Delivering one request's events to the grains.");
        _meter.CreateObservableGauge("vigil.ingest.dedup.ids", () => deduplicator.TrackedIds, "{id}", "Event ids remembered for idempotency.");
    }

    public Counter<long> Requests { get; }

    public Counter<long> Accepted { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> Duplicates { get; }

    public Histogram<long> RequestBytes { get; }

    public Histogram<double> ParseDuration { get; }

    public Histogram<double> DeliverDuration { get; }

    public void Dispose() => _meter.Dispose();
}
