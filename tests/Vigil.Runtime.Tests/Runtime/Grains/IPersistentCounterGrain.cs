using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>A counter kept in persistent state, written behind or on demand.</summary>
public interface IPersistentCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and marks the state dirty (write-behind).</summary>
    Task<int> Increment();

    /// <summary>Adds one and writes the state now.</summary>
    Task<int> IncrementAndWrite();

    [ReadOnly]
    Task<int> Get();

    Task Deactivate();
}
