using System.Globalization;
using Vigil.Simulator.Recording;
using Vigil.Simulator.Targets;

namespace Vigil.Simulator.Cli;

/// <summary>The console app: parses the command line, runs <c>send</c>, <c>record</c> or <c>replay</c>, prints a summary.</summary>
internal static class SimulatorCommandLine
{
    public const int Ok = 0;
    public const int DeliveryFailed = 1;
    public const int BadArguments = 2;

    public const string Usage = """
        Vigil traffic simulator: live-platform events per contract v1 (shared/contracts/events-v1.md).

        Usage:
          vigil-sim send   --api-key KEY [--url http://localhost:5080] [--rate 2000] [--seed 42] [--duration 60]
                           [--events N] [--truth truth.jsonl] [--start TIME --compress X] [world options]
          vigil-sim record --out traffic.ndjson (--events N | --duration D) [--seed 42] [--start TIME]
                           [--truth truth.jsonl] [world options]
          vigil-sim replay --in traffic.ndjson --api-key KEY [--url http://localhost:5080] [--rate 2000]
          vigil-sim help

        Options:
          --url URL              silo base address; events go to URL/api/events (default http://localhost:5080)
          --api-key KEY          X-Api-Key header (or the VIGIL_API_KEY environment variable)
          --rate N               most events per wall second (default 2000; 0 = unlimited); without --rooms it
                                 also sizes the world to produce about that many
          --seed N               same seed + same start + same world options = same events, byte for byte (default 42)
          --start TIME           simulated start: RFC 3339 (2026-11-01T00:00:00Z), 'now' or '-7d' (default now)
          --compress X           simulated seconds per wall second until simulated time catches up with now
                                 (default 1 = live); without --start the run begins --duration (else 7d) ago
          --duration D           simulated time to run: 60 (seconds), 90s, 15m, 2h, 7d or 00:10:00
          --events N             stop after N events
          --truth FILE           write the ground truth (episodes, decoys, VIP scenarios) as JSON lines
          --batch N              events per request (default 1000; the contract allows 10000)
          --max-retries N        retries of a batch on connection errors, 408, 429, 5xx (default 8)
          --out FILE / --in FILE NDJSON file to record to / replay from

        World options:
          --rooms N              concurrently live rooms (default: sized from --rate; 200 for record)
          --vips N               VIP users with loyal / drift / abrupt trajectories over days (default 50)
          --audience X           multiplier on room audiences (default 1)
          --episodes-per-hour X  violation episodes per live room per simulated hour (default 0.08; plus three P1
                                 episodes in the first minute of every run)
          --noise-per-hour X     benign decoys per live room per simulated hour (default 0.5)
          --late X               share of background events delivered 1-20 s late (default 0.005)

        Time: in live mode (no --start, --compress 1) event ts is the wall clock. With --compress, simulated time
        runs X times faster from a start in the past until it reaches now, then continues live; an event is never
        sent before its ts, so ts is never in the future of this machine's clock. record ignores pacing.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (command, error) = CommandLineParser.Parse(args, timeProvider.GetUtcNow(), Environment.GetEnvironmentVariable);
        if (command is null)
        {
            await errors.WriteLineAsync("error: " + error).ConfigureAwait(false);
            await errors.WriteLineAsync().ConfigureAwait(false);
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return BadArguments;
        }

        if (command.Name == CliCommand.Help)
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return Ok;
        }

        var progress = new ConsoleProgress(output);
        try
        {
            var report = command.Name switch
            {
                CliCommand.Send => await SendAsync(command, timeProvider, progress, cancellationToken).ConfigureAwait(false),
                CliCommand.Record => await RecordAsync(command, timeProvider, progress, output, cancellationToken).ConfigureAwait(false),
                _ => await ReplayAsync(command, timeProvider, progress, cancellationToken).ConfigureAwait(false),
            };
            await output.WriteLineAsync("done: " + ConsoleProgress.Describe(report)).ConfigureAwait(false);
            foreach (var rejection in report.SampleRejections)
            {
                await output.WriteLineAsync($"  rejected line {rejection.Line} ({rejection.Id}): {rejection.Error}").ConfigureAwait(false);
            }

            return Ok;
        }
        catch (EventTargetException exception)
        {
            await errors.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return DeliveryFailed;
        }
        catch (ArgumentException exception)
        {
            await errors.WriteLineAsync("error: " + exception.Message).ConfigureAwait(false);
            return BadArguments;
        }
    }

    private static async Task<SimulatorReport> SendAsync(CliCommand command, TimeProvider timeProvider, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        using var target = new HttpEventTarget(command.Url, command.ApiKey!, timeProvider, command.MaxRetries);
        progress.Say($"sending to {target.Endpoint} at up to {command.Simulator.Rate.ToString(CultureInfo.InvariantCulture)} events/s, {command.Simulator.ResolveRooms()} live rooms, seed {command.Simulator.Seed}");
        return await SimulatorRunner.RunAsync(command.Simulator, target, timeProvider, truth: null, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SimulatorReport> RecordAsync(CliCommand command, TimeProvider timeProvider, ConsoleProgress progress, TextWriter output, CancellationToken cancellationToken)
    {
        await using var recorder = NdjsonRecorder.Create(command.OutPath!);
        progress.Say($"recording to {command.OutPath}, {command.Simulator.ResolveRooms()} live rooms, seed {command.Simulator.Seed}");
        var report = await SimulatorRunner.RunAsync(command.Simulator, recorder, timeProvider, truth: null, progress, cancellationToken).ConfigureAwait(false);
        if (report.FirstEventTime is { } first)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"recorded events with ts from {first:O} to {report.LastEventTime:O}")).ConfigureAwait(false);
        }

        return report;
    }

    private static async Task<SimulatorReport> ReplayAsync(CliCommand command, TimeProvider timeProvider, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        using var target = new HttpEventTarget(command.Url, command.ApiKey!, timeProvider, command.MaxRetries);
        await using var input = new FileStream(command.InPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        progress.Say($"replaying {command.InPath} to {target.Endpoint} at up to {command.Playback.Rate.ToString(CultureInfo.InvariantCulture)} events/s");
        return await NdjsonReplayer.ReplayAsync(input, target, command.Playback, timeProvider, cancellationToken, progress).ConfigureAwait(false);
    }
}
