using Vigil.Simulator.Generation;
using Vigil.Simulator.Sending;
using Vigil.Simulator.Targets;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator;

/// <summary>
/// Runs the simulated platform into an <see cref="IEventTarget"/>: what the console's <c>send</c> and <c>record</c>
/// do, and what the silo host calls from its hosted service to run the simulator embedded.
/// </summary>
public static class SimulatorRunner
{
    public static Task<SimulatorReport> RunAsync(SimulatorOptions options, IEventTarget target, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        RunAsync(options, target, timeProvider, truth: null, progress: null, cancellationToken);

    /// <summary>
    /// Generates and delivers events until <see cref="SimulatorOptions.Duration"/> of simulated time,
    /// <see cref="SimulatorOptions.MaxEvents"/> or cancellation; cancellation ends the run normally (the report says so).
    /// Ground truth goes to <paramref name="truth"/>, else to <see cref="SimulatorOptions.TruthPath"/> if set.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid, or ask for a start in the future in real time.</exception>
    /// <exception cref="EventTargetException">The target refused delivery for good.</exception>
    public static async Task<SimulatorReport> RunAsync(
        SimulatorOptions options, IEventTarget target, TimeProvider timeProvider, IGroundTruthSink? truth, IProgress<SimulatorReport>? progress, CancellationToken cancellationToken)
    {
        options.ThrowIfInvalid();
        var wallStart = timeProvider.GetUtcNow();
        var simStart = options.ResolveStart(wallStart);
        if (options.RealTime && simStart > wallStart)
        {
            throw new ArgumentException($"{SimulatorOptions.SectionName}:Start must not be later than now when events are sent in real time (was '{simStart:O}', now '{wallStart:O}').");
        }

        using var ownTruth = truth is null && options.TruthPath is { } path ? GroundTruthWriter.Create(path) : null;
        var generator = new TrafficGenerator(options, simStart, truth ?? ownTruth);
        var clock = new SimulatedClock(simStart, wallStart, options.Compression);
        var sender = new BatchSender(target, options.BatchSize, options.Linger, options.Rate, timeProvider, progress);
        var end = options.Duration is { } duration ? simStart + duration : DateTimeOffset.MaxValue;
        var cancelled = false;
        try
        {
            while (options.MaxEvents is not { } max || sender.Added < max)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = generator.Next();
                if (next.Timestamp >= end)
                {
                    break;
                }

                if (options.RealTime)
                {
                    await sender.WaitUntilAsync(clock.WallTimeFor(next.Timestamp), cancellationToken).ConfigureAwait(false);
                }

                await sender.AddAsync(next.Json, next.Timestamp, cancellationToken).ConfigureAwait(false);
            }

            await sender.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            await sender.FlushOnCancelAsync().ConfigureAwait(false);
        }

        generator.Complete();
        return sender.Snapshot(cancelled);
    }
}
