using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Benchmarks.Grains;

public sealed class SmallStateGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, ISmallStateGrain
{
    public ValueTask Wake() => ValueTask.CompletedTask;

    public ValueTask Touch()
    {
        state.State.Value++;
        state.MarkDirty();
        return ValueTask.CompletedTask;
    }
}
