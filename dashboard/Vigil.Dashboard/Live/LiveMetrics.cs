using System.Diagnostics.Metrics;

namespace Vigil.Dashboard.Live;

/// <summary>The live push's instruments on the <c>Vigil.Dashboard</c> meter: connections, batches, coalescing, resyncs.</summary>
public sealed class LiveMetrics
{
    public const string MeterName = "Vigil.Dashboard";

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _items;
    private readonly Counter<long> _batches;
    private readonly Histogram<int> _batchItems;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _resyncs;

    public LiveMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("vigil.dashboard.live.connections", "{connection}", "Open live hub connections.");
        _items = meter.CreateCounter<long>("vigil.dashboard.live.items", "{item}", "Feed items sequenced for the live push.");
        _batches = meter.CreateCounter<long>("vigil.dashboard.live.batches", "{batch}", "Batches sent to live connections.");
        _batchItems = meter.CreateHistogram<int>("vigil.dashboard.live.batch_items", "{item}", "Items per batch sent.");
        _coalesced = meter.CreateCounter<long>("vigil.dashboard.live.items_coalesced", "{item}", "Items replaced by a later item about the same subject before being sent.");
        _resyncs = meter.CreateCounter<long>("vigil.dashboard.live.resyncs", "{resync}", "Times a connection had to resynchronise (reason: overflow, send_failed, resume, resume_snapshot).");
    }

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    public void ItemSequenced() => _items.Add(1);

    public void BatchSent(int items)
    {
        _batches.Add(1);
        _batchItems.Record(items);
    }

    public void ItemCoalesced() => _coalesced.Add(1);

    public void Resync(string reason) => _resyncs.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
