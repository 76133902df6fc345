using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Grains;

/// <summary>An echo service: the smallest request/response call, to measure call delivery alone.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="value"/> plus one.</summary>
    ValueTask<int> Ping(int value);
}
