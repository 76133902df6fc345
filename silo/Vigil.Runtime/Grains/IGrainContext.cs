using Vigil.Runtime.Timers;

namespace Vigil.Runtime.Grains;

/// <summary>What the runtime gives a grain activation: its identity, a factory for other grains, time and timers.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    /// <summary>Asks the runtime to deactivate this activation once the current turn has finished.</summary>
    void DeactivateOnIdle();

    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);
}
