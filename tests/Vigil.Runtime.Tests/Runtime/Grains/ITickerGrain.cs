using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>Runs a grain timer whose ticks the test can hold and count.</summary>
public interface ITickerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period, bool keepAlive, bool holdTicks);

    [ReadOnly]
    Task<int> Ticks();

    Task StopTimer();
}
