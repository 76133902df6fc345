using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Health;

/// <summary>A grain the health endpoint calls to prove the silo can activate grains and answer calls.</summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers with the number of probes this activation has served.</summary>
    ValueTask<long> Probe();
}
