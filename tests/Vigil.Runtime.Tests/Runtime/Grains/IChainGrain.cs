using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Calls another grain that calls back, to check A -> B -> A call chains.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Asks <paramref name="peer"/> to call this grain back through <see cref="Ping"/>.</summary>
    Task<string> CallPeer(string peer);

    /// <summary>Asks <paramref name="peer"/> to call this grain back through <see cref="PingInterleaved"/>.</summary>
    Task<string> CallPeerInterleaved(string peer);

    Task<string> CallBack(string caller, bool interleaved);

    Task<string> Ping();

    [AlwaysInterleave]
    Task<string> PingInterleaved();
}
