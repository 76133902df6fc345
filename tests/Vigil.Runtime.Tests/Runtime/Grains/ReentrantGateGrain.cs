using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

[Reentrant]
public sealed class ReentrantGateGrain : Grain, IReentrantGateGrain
{
    public Task<int> Write() => GateProbe.For("reentrant/" + GetPrimaryKeyString()).Hold();
}
