using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class SnapshotThreadGrain([PersistentState("touches")] IPersistentState<SnapshotThreadState> touches) : Grain, ISnapshotThreadGrain
{
    public Task Touch()
    {
        touches.State.Touches++;
        touches.MarkDirty();
        return Task.CompletedTask;
    }
}
