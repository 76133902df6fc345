using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Holds calls until the test opens the gate, to observe which calls may overlap.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<int> Read();

    Task<int> Write();

    /// <summary>Completes at once, past the gate: activates the grain without holding it.</summary>
    Task Touch();
}
