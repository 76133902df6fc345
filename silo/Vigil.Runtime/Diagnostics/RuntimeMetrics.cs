using System.Diagnostics.Metrics;

namespace Vigil.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments, on the meter <c>Vigil.Runtime</c>. Hot-path instruments are only touched when a
/// listener is attached (<see cref="Instrument.Enabled"/>), so an unobserved silo pays a branch per call.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "Vigil.Runtime";

    private readonly Meter _meter;
    private long _dirtyActivations;
    private long _pendingWrites;

    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Activations = _meter.CreateUpDownCounter<long>("vigil.grain.activations", "{activation}", "Live activations by grain type.");
        Calls = _meter.CreateCounter<long>("vigil.grain.calls", "{call}", "Grain calls completed, by grain type (rate = calls per second).");
        CallLatency = _meter.CreateHistogram<double>("vigil.grain.call.duration", "ms", "From send to completion of a grain call.");
        StorageReadLatency = _meter.CreateHistogram<double>("vigil.storage.read.duration", "ms", "Grain state reads.");
        StorageWriteLatency = _meter.CreateHistogram<double>("vigil.storage.write.duration", "ms", "Grain state writes and write-behind batches.");
        StorageFailures = _meter.CreateCounter<long>("vigil.storage.failures", "{failure}", "Failed state reads, writes and flushed states.");
        FlushedStates = _meter.CreateCounter<long>("vigil.storage.flushed", "{state}", "States written by write-behind.");
        _meter.CreateObservableGauge("vigil.grain.mailbox.depth", () => MailboxDepthSource?.Invoke() ?? 0, "{request}", "Requests queued or running across activations.");
        _meter.CreateObservableGauge("vigil.storage.dirty", () => Volatile.Read(ref _dirtyActivations), "{activation}", "Activations with dirty state awaiting the next flush.");
        _meter.CreateObservableGauge("vigil.storage.pending_writes", () => Volatile.Read(ref _pendingWrites), "{state}", "Dirty states handed to the writer and not yet stored.");
    }

    public UpDownCounter<long> Activations { get; }

    public Counter<long> Calls { get; }

    public Histogram<double> CallLatency { get; }

    public Histogram<double> StorageReadLatency { get; }

    public Histogram<double> StorageWriteLatency { get; }

    public Counter<long> StorageFailures { get; }

    public Counter<long> FlushedStates { get; }

    public long DirtyActivations => Volatile.Read(ref _dirtyActivations);

    public long PendingWrites => Volatile.Read(ref _pendingWrites);

    /// <summary>
    /// Computes the mailbox depth when the gauge is sampled. A shared counter updated on every enqueue would be a
    /// contended cache line on the hottest path; walking the activations at sample time costs nothing between samples.
    /// </summary>
    internal Func<long>? MailboxDepthSource { get; set; }

    internal void AddDirtyActivations(long delta) => Interlocked.Add(ref _dirtyActivations, delta);

    internal void AddPendingWrites(long delta) => Interlocked.Add(ref _pendingWrites, delta);

    public void Dispose() => _meter.Dispose();
}
