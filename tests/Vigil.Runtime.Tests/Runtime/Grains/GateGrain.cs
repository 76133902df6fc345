using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class GateGrain : Grain, IGateGrain
{
    public Task<int> Read() => GateProbe.For(GetPrimaryKeyString()).Hold();

    public Task<int> Write() => GateProbe.For(GetPrimaryKeyString()).Hold();

    public Task Touch() => Task.CompletedTask;
}
