using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Timers;

/// <summary>The activation a timer belongs to.</summary>
internal interface ITimerHost
{
    GrainId GrainId { get; }

    TimeProvider TimeProvider { get; }

    void EnqueueTimerTick(TimerTickRequest tick);

    void RemoveTimer(GrainTimer timer);

    void OnTimerCallbackFailed(Exception exception);
}
