namespace Vigil.Runtime.Timers;

/// <summary>How a grain timer fires.</summary>
/// <param name="DueTime">Delay before the first tick.</param>
/// <param name="Period">Delay between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</param>
/// <param name="KeepAlive">When true, ticks count as activity and keep the activation from being collected as idle.</param>
/// <param name="Interleave">When true, ticks may interleave with other calls at await points.</param>
public sealed record GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period, bool KeepAlive = false, bool Interleave = false);
