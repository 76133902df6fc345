namespace Vigil.Runtime.Grains;

/// <summary>
/// The turns of this grain class run on the runtime's urgent lane, a thread of their own, instead of queueing behind
/// the thread pool's work. For grains whose turns are short and stand between an event and a person who must act on
/// it (a region's alert center): under load the pool's queue holds milliseconds of ingest turns, and an alert that
/// waited behind them would reach the operator that much later. All urgent grains share the one lane, so a turn that
/// blocks holds up every other; their turns must not wait on anything but other grains.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UrgentAttribute : Attribute;
