using System.Collections.Concurrent;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class PersistentCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IPersistentCounterGrain
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(GetPrimaryKeyString(), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task<int> Increment()
    {
        counter.State.Value++;
        counter.MarkDirty();
        return Task.FromResult(counter.State.Value);
    }

    public async Task<int> IncrementAndWrite()
    {
        counter.State.Value++;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
