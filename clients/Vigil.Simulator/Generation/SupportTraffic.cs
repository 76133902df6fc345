using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>Support tickets and satisfaction surveys of ordinary users, in proportion to the size of the platform.</summary>
internal sealed class SupportTraffic
{
    private static readonly double[] SurveyWeights = [0.05, 0.10, 0.20, 0.35, 0.30];
    private static readonly double[] SeverityWeights = [0.5, 0.35, 0.15];

    private readonly SimulationWorld world;

    public SupportTraffic(SimulationWorld world) => this.world = world;

    public void Open(long startTicks)
    {
        Every(startTicks, 0.2, Complaint);
        Every(startTicks, 0.4, Survey);
    }

    private void Every(long after, double perRoomHour, Action<long> happen)
    {
        var meanSeconds = 3600 / (perRoomHour * world.RoomCount);
        world.Scheduler.At(SimulationWorld.After(after, world.Random.Exponential(meanSeconds)), t =>
        {
            happen(t);
            Every(t, perRoomHour, happen);
        });
    }

    private void Complaint(long ticks)
    {
        var random = world.Random;
        var region = RegionProfile.All[random.PickWeighted(RegionProfile.Weights)].Region;
        var user = world.UserId(world.PickUser());
        var ticket = world.NextTicketId();
        world.Emit(new SimEvent
        {
            Type = EventType.UserComplaint, Ticks = ticks, Region = region, UserId = user, TicketId = ticket,
            Topic = random.Pick(PhraseBook.Topics), Severity = (ComplaintSeverity)random.PickWeighted(SeverityWeights),
        });
        if (random.Chance(0.85))
        {
            // A third are closed by the help bot within half an hour; the rest wait for an agent, hours typically.
            var seconds = random.Chance(0.3) ? random.Uniform(120, 1800) : Math.Clamp(random.LogNormal(6 * 3600, 1), 1800, 7 * 86_400);
            world.Scheduler.At(SimulationWorld.After(ticks, seconds), t => world.Emit(new SimEvent
            {
                Type = EventType.ComplaintResolved, Ticks = t, Region = region, UserId = user, TicketId = ticket,
            }));
        }
    }

    private void Survey(long ticks)
    {
        var random = world.Random;
        world.Emit(new SimEvent
        {
            Type = EventType.SatisfactionSurvey, Ticks = ticks, Region = RegionProfile.All[random.PickWeighted(RegionProfile.Weights)].Region,
            UserId = world.UserId(world.PickUser()), SurveyScore = 1 + random.PickWeighted(SurveyWeights),
        });
    }
}
