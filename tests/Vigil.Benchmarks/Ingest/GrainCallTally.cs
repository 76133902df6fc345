using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Listens to the runtime's <c>vigil.grain.call.duration</c> and sums calls and milliseconds (send to completion,
/// queueing included) per grain type: where a slow ingest spends its time, without a profiler.
/// </summary>
internal sealed class GrainCallTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (long Calls, double Milliseconds)> _byType = new(StringComparer.Ordinal);

    public GrainCallTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Vigil.Runtime" && instrument.Name == "vigil.grain.call.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var type = tags.Length > 0 ? tags[0].Value as string ?? "?" : "?";
            _byType.AddOrUpdate(type, (1, value), (_, sum) => (sum.Calls + 1, sum.Milliseconds + value));
        });
        _listener.Start();
    }

    public void Reset() => _byType.Clear();

    public string Describe() => string.Join(", ", _byType
        .OrderByDescending(p => p.Value.Milliseconds)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Calls:N0} calls, {p.Value.Milliseconds / Math.Max(1, p.Value.Calls):0.00} ms avg")));

    public void Dispose() => _listener.Dispose();
}
