using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Grains;

public sealed class HitCounterGrain : Grain, IHitCounterGrain
{
    private long _hits;

    public ValueTask Hit(int value)
    {
        HitTally.Record(ref _hits);
        return ValueTask.CompletedTask;
    }
}
