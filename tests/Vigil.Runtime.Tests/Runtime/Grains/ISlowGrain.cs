using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Has a method that never answers, and one that throws, to check timeouts and error propagation.</summary>
public interface ISlowGrain : IGrainWithStringKey
{
    Task Hang();

    [ResponseTimeout(2000)]
    Task HangBriefly();

    Task Fail(string message);

    ValueTask<int> FailSynchronously();
}
