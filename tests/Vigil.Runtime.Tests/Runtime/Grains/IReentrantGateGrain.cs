using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Like <see cref="IGateGrain"/>, on a grain class marked reentrant.</summary>
public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<int> Write();
}
