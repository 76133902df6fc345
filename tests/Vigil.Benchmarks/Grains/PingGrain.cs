using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);
}
