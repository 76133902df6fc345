using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Grains;

/// <summary>A tally of fire-and-forget hits, to measure one-way message delivery.</summary>
public interface IHitCounterGrain : IGrainWithStringKey
{
    [OneWay]
    ValueTask Hit(int value);
}
