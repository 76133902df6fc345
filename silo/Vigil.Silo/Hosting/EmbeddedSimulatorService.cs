using Vigil.Ingest;
using Vigil.Ingest.Parsing;
using Vigil.Simulator;
using Vigil.Simulator.Targets;

namespace Vigil.Silo.Hosting;

/// <summary>
/// Runs the traffic simulator inside the silo (<c>Vigil:Simulator:Enabled</c>, on by default) so a newcomer sees rooms,
/// alerts and nudges at once. Its batches go through the same ingest path as <c>POST /api/events</c>: validation,
/// de-duplication and grain delivery, without an API key because they never leave the process.
/// </summary>
public sealed partial class EmbeddedSimulatorService(
    SimulatorOptions options,
    EventIngestor ingestor,
    TimeProvider timeProvider,
    ILogger<EmbeddedSimulatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        LogStarting(logger, options.Rate, options.Seed);
        var target = new DelegateEventTarget(async (batch, _) =>
        {
            var result = await ingestor.IngestAsync(batch.Payload, ContentKind.NdJson);
            return result.Response is { } response
                ? new BatchResult(response.Accepted, response.Duplicates, response.Rejected.Select(r => new RejectedLine(r.Line, r.Id, r.Error)).ToArray())
                : throw new EventTargetException($"The silo refused a simulated batch: {result.Outcome} {result.Problem}");
        });
        try
        {
            var report = await SimulatorRunner.RunAsync(options, target, timeProvider, stoppingToken);
            LogFinished(logger, report.ToString());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded traffic simulator started at {Rate} events/s with seed {Seed}; set Vigil:Simulator:Enabled=false to turn it off")]
    private static partial void LogStarting(ILogger logger, double rate, long seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded traffic simulator finished: {Report}")]
    private static partial void LogFinished(ILogger logger, string report);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded traffic simulator stopped")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
