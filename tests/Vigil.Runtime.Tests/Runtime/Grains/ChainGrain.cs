using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallPeer(string peer) => GrainFactory.GetGrain<IChainGrain>(peer).CallBack(GetPrimaryKeyString(), interleaved: false);

    public Task<string> CallPeerInterleaved(string peer) => GrainFactory.GetGrain<IChainGrain>(peer).CallBack(GetPrimaryKeyString(), interleaved: true);

    public async Task<string> CallBack(string caller, bool interleaved)
    {
        var back = GrainFactory.GetGrain<IChainGrain>(caller);
        var answer = interleaved ? await back.PingInterleaved() : await back.Ping();
        return GetPrimaryKeyString() + " heard " + answer;
    }

    public Task<string> Ping() => Task.FromResult("pong from " + GetPrimaryKeyString());

    public Task<string> PingInterleaved() => Task.FromResult("pong from " + GetPrimaryKeyString());
}
