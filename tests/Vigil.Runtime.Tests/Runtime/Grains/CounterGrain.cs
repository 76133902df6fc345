using System.Collections.Concurrent;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class CounterGrain : Grain, ICounterGrain
{
    /// <summary>How many times each key was activated, across every silo of the test run.</summary>
    public static readonly ConcurrentDictionary<string, int> Activations = new();

    private int _count;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public ValueTask<int> Increment() => ValueTask.FromResult(++_count);

    public ValueTask<int> Get() => ValueTask.FromResult(_count);
}
