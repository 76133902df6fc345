using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Vigil.Runtime.Diagnostics;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class MetricsTests
{
    [Fact]
    public async Task CallsActivationsAndFlushedStatesAreMeasured()
    {
        var measured = new ConcurrentDictionary<string, double>();
        await using var silo = await TestSilo.StartAsync();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && ReferenceEquals(instrument.Meter, silo.Runtime.Metrics.Calls.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, v) => v + 1));
        listener.Start();
        var grains = Enumerable.Range(0, 3).Select(i => silo.Grain<IPersistentCounterGrain>($"metered-{i}-{Guid.NewGuid()}")).ToArray();

        foreach (var grain in grains)
        {
            await grain.Increment();
            await grain.Increment();
        }

        await silo.Runtime.FlushAsync();

        Assert.Equal(3, measured["vigil.grain.activations"]);
        Assert.Equal(6, measured["vigil.grain.calls"]);
        Assert.Equal(6, measured["vigil.grain.call.duration"]);
        Assert.Equal(3, measured["vigil.storage.flushed"]);
        Assert.True(measured["vigil.storage.read.duration"] >= 3);
    }
}
