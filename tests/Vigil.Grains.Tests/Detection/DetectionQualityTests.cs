using System.Globalization;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Tests.Infrastructure;
using Vigil.Ingest.Delivery;
using Vigil.Ingest.Parsing;
using Vigil.Simulator;
using Vigil.Simulator.Generation;
using Vigil.Simulator.Truth;
using Xunit.Abstractions;

namespace Vigil.Grains.Tests.Detection;

/// <summary>
/// Scores detection against the simulator's ground truth: two simulated hours of seeded traffic go through the real
/// parser and routing into the grains, and the alerts raised are compared with the episodes that were injected.
/// </summary>
public sealed class DetectionQualityTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Simulated = TimeSpan.FromHours(2);

    [Fact]
    public async Task EveryInjectedP1EpisodeIsAlertedAndFalseAlertsPerHourAreMeasured()
    {
        var truth = new CollectingTruth();
        var generator = new TrafficGenerator(new SimulatorOptions { Seed = 7, Rate = 25, Vips = 20 }, Start, truth);
        await using var silo = await GrainTestSilo.StartAsync(new FakeTimeProvider(Start));
        using var lane = new BulkLane(2);
        var sink = new GrainEventSink(silo.Runtime, lane);

        var events = await Feed(generator, silo, sink);
        generator.Complete();
        var alerts = await AllAlerts(silo);

        var episodes = truth.Episodes.Where(e => e.Start < Start + Simulated).ToArray();
        var p1 = episodes.Where(e => e.Severity == "P1").ToArray();
        var missed = p1.Where(e => !alerts.Any(a => a.RoomId == e.RoomId && EventNames.Name(a.Category) == e.Category)).ToArray();
        var falseAlerts = alerts.Count(a => !episodes.Any(e => e.RoomId == a.RoomId && e.Category == EventNames.Name(a.Category)));
        var perHour = falseAlerts / Simulated.TotalHours;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{events} events over {Simulated.TotalHours} simulated hours; {episodes.Length} episodes ({p1.Length} P1); {alerts.Count} alerts; {falseAlerts} false alerts = {perHour:0.0} per hour; missed P1: {missed.Length}"));

        Assert.True(p1.Length >= 3, "The simulator opens every run with three P1 episodes.");
        Assert.Empty(missed.Select(e => $"{e.Id} {e.Category} in {e.RoomId}"));
        Assert.True(perHour < 20, $"{perHour:0.0} false alerts per simulated hour is more than an operator can screen.");
    }

    private async Task<long> Feed(TrafficGenerator generator, GrainTestSilo silo, GrainEventSink sink)
    {
        long count = 0;
        var batch = new MemoryStream();
        var lines = 0;
        var latest = Start;
        while (true)
        {
            var next = generator.Next();
            var done = next.Timestamp >= Start + Simulated;
            if (!done)
            {
                batch.Write(next.Json);
                batch.WriteByte((byte)'\n');
                lines++;
                latest = next.Timestamp > latest ? next.Timestamp : latest;
            }

            if (lines == 1000 || (done && lines > 0))
            {
                var parsed = EventBatchParser.Parse(batch.ToArray(), ContentKind.NdJson, latest.AddMinutes(1));
                Assert.Empty(parsed.Rejections);
                var behind = latest - silo.Time.GetUtcNow();
                if (behind > TimeSpan.Zero)
                {
                    silo.Time.Advance(behind);
                }

                await sink.DeliverAsync(parsed.Events, CancellationToken.None);
                count += parsed.Events.Count;
                batch.SetLength(0);
                lines = 0;
            }

            if (done)
            {
                return count;
            }
        }
    }

    private static async Task<List<AlertSnapshot>> AllAlerts(GrainTestSilo silo)
    {
        var all = new List<AlertSnapshot>();
        foreach (var region in Enum.GetValues<Region>())
        {
            all.AddRange(await silo.Grain<IAlertCenterGrain>(region.ToString()).List(null, null));
        }

        return all;
    }

    private sealed class CollectingTruth : IGroundTruthSink
    {
        public List<EpisodeTruth> Episodes { get; } = [];

        public void Write(GroundTruthRecord record)
        {
            if (record is EpisodeTruth episode)
            {
                Episodes.Add(episode);
            }
        }
    }
}
