using Vigil.Grains.Contracts.Health;
using Vigil.Runtime.Grains;

namespace Vigil.Grains.Health;

/// <summary>Counts health probes; holds no durable state, so a probe never touches storage.</summary>
[CollectionAgeLimit(5)]
public sealed class HealthProbeGrain : Grain, IHealthProbeGrain
{
    private long _probes;

    public ValueTask<long> Probe() => ValueTask.FromResult(++_probes);
}
