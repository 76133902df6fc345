using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>An in-memory counter: the simplest grain, used to check activation and call delivery.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    ValueTask<int> Increment();

    [ReadOnly]
    ValueTask<int> Get();
}
