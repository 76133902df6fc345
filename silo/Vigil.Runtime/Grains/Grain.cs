using Vigil.Runtime.Timers;

namespace Vigil.Runtime.Grains;

/// <summary>Base class of every grain implementation: a virtual actor with one activation per grain id.</summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>The runtime context of this activation; available from <see cref="OnActivateAsync"/> on.</summary>
    protected IGrainContext Context =>
        _context ?? throw new InvalidOperationException("The grain context is not attached yet: use it from OnActivateAsync on, not in the constructor.");

    public GrainId GrainId => Context.GrainId;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    protected TimeProvider TimeProvider => Context.TimeProvider;

    public string GetPrimaryKeyString() => Context.GrainId.Key;

    /// <summary>Runs after persistent state is loaded and before the first call is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before dirty state is written and the activation is dropped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn ends; the next call activates a fresh one.</summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    /// <summary>
    /// Registers a timer bound to this activation. Ticks run as turns of the grain (never overlapping each other or
    /// other calls), the period is measured from the end of the previous tick, and deactivation cancels the timer.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Context.RegisterTimer(static (state, ct) => ((Func<CancellationToken, Task>)state!)(ct), callback, options);
    }

    /// <inheritdoc cref="RegisterGrainTimer(Func{CancellationToken, Task}, GrainTimerCreationOptions)"/>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    internal void Attach(IGrainContext context) => _context = context;
}
