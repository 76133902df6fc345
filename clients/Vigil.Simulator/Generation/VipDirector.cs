using System.Globalization;
using Vigil.Grains.Contracts.Events;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>
/// Plays out the VIP users over simulated days: app sessions in which they join live rooms and send large gifts,
/// support tickets and satisfaction surveys, each user following the loyal, drift or abrupt trajectory in the ground truth.
/// </summary>
internal sealed class VipDirector
{
    private const double Day = 86_400;

    private static readonly double[] ScenarioWeights = [0.5, 0.3, 0.2];
    private static readonly string[] Scenarios = [VipScenarioTruth.Loyal, VipScenarioTruth.Drift, VipScenarioTruth.Abrupt];
    private static readonly double[] ContentSurveyWeights = [0, 0.02, 0.08, 0.4, 0.5];

    private readonly SimulationWorld world;
    private readonly RoomDirector rooms;

    public VipDirector(SimulationWorld world, RoomDirector rooms)
    {
        this.world = world;
        this.rooms = rooms;
    }

    public void Open(long startTicks)
    {
        var random = world.Random;
        for (var i = 0; i < world.Options.Vips; i++)
        {
            // The first three cover every scenario, so even a small run has one of each.
            var scenario = i < Scenarios.Length ? Scenarios[i] : Scenarios[random.PickWeighted(ScenarioWeights)];
            var region = RegionProfile.All[random.PickWeighted(RegionProfile.Weights)];
            long? onset = scenario switch
            {
                VipScenarioTruth.Drift => SimulationWorld.After(startTicks, random.Uniform(1, 4) * Day),
                VipScenarioTruth.Abrupt => SimulationWorld.After(startTicks, random.Uniform(2, 6) * Day),
                _ => null,
            };
            var vip = new VipUser
            {
                Id = "vip" + i.ToString("D4", CultureInfo.InvariantCulture),
                Region = region,
                Lang = region.PickLanguage(random),
                Scenario = scenario,
                OnsetTicks = onset,
                SessionsPerDay = Math.Round(random.Uniform(2, 5), 2),
                SessionMinutes = random.LogNormal(40, 0.3),
                SessionSpend = Math.Round(Math.Min(50_000, random.Pareto(800, 1.5))),
                DriftDays = random.Uniform(3, 6),
                WeeklyPhase = random.Uniform(0, 2 * Math.PI),
            };
            world.Truth?.Write(new VipScenarioTruth
            {
                UserId = vip.Id,
                Region = region.Region.ToString(),
                Scenario = scenario,
                Onset = onset is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
                SessionsPerDay = vip.SessionsPerDay,
                SessionSpend = vip.SessionSpend,
            });

            world.Scheduler.At(SimulationWorld.After(startTicks, random.Exponential(Day / vip.SessionsPerDay)), t => Session(vip, t));
            world.Scheduler.At(SimulationWorld.After(startTicks, random.Uniform(0, Day)), t => SupportDay(vip, t));
            if (onset is { } churn && scenario == VipScenarioTruth.Abrupt)
            {
                // The abrupt leaver's last straw: a serious ticket and a furious survey hours before they stop coming.
                var complaintAt = SimulationWorld.After(churn, -random.Uniform(3, 20) * 3600);
                world.Scheduler.At(complaintAt, t => OpenComplaint(vip, t, ComplaintSeverity.High));
                world.Scheduler.At(SimulationWorld.After(churn, -random.Uniform(0.5, 2) * 3600), t => Survey(vip, t, 1));
            }
        }
    }

    private void Session(VipUser vip, long ticks)
    {
        if (vip.Churned(ticks))
        {
            return;
        }

        var random = world.Random;
        var intensity = vip.Intensity(ticks);
        var minutes = Math.Clamp(random.LogNormal(vip.SessionMinutes * Math.Sqrt(intensity), 0.5), 3, 240);
        var end = SimulationWorld.After(ticks, minutes * 60);
        if (vip.OnsetTicks is { } onset && vip.Scenario == VipScenarioTruth.Abrupt && end > onset - TimeSpan.TicksPerMinute)
        {
            // Abrupt: nothing from this user from the onset on, not even the end of a session begun before it.
            end = onset - TimeSpan.TicksPerMinute;
            minutes = (end - ticks) / (double)TimeSpan.TicksPerMinute;
            if (minutes < 3)
            {
                return;
            }
        }

        world.Emit(new SimEvent { Type = EventType.UserSession, Ticks = ticks, Region = vip.Region.Region, UserId = vip.Id, SessionAction = SessionAction.Start });
        var room = rooms.PickLive(ticks, vip.Region.Region);
        if (room is not null)
        {
            Watch(vip, room, ticks, end, intensity);
        }

        var length = Math.Round(minutes, 1);
        world.Scheduler.At(end, t => world.Emit(new SimEvent
        {
            Type = EventType.UserSession, Ticks = t, Region = vip.Region.Region, UserId = vip.Id, SessionAction = SessionAction.End, Minutes = length,
        }));

        var gap = Math.Max(600, random.Exponential(Day / (vip.SessionsPerDay * Math.Max(intensity, 0.03))) - minutes * 60);
        world.Scheduler.At(SimulationWorld.After(end, gap), t => Session(vip, t));
    }

    /// <summary>The VIP joins a live room for most of the session and gifts; spend falls faster than activity when drifting.</summary>
    private void Watch(VipUser vip, Room room, long start, long end, double intensity)
    {
        var random = world.Random;
        var seconds = (end - start) / (double)SimulationWorld.TicksPerSecond;
        var join = SimulationWorld.After(start, random.Uniform(5, Math.Min(60, seconds / 4)));
        var leave = SimulationWorld.After(end, -random.Uniform(5, Math.Min(30, seconds / 4)));
        room.KeepLiveUntil(SimulationWorld.After(leave, 30));

        var region = room.Region.Region;
        InRoom(room, join, t => new SimEvent { Type = EventType.ViewerJoined, Ticks = t, Region = region, RoomId = room.Id, UserId = vip.Id });
        var spend = vip.SessionSpend * random.LogNormal(1, 0.5) * Math.Pow(intensity, 1.5);
        var gifts = 1 + random.Poisson(Math.Min(12, spend / 400));
        for (var i = 0; i < gifts; i++)
        {
            var (giftId, value) = GiftCatalog.ForSpend(spend / gifts * random.LogNormal(1, 0.4));
            var at = join + (long)(random.NextDouble() * (leave - join)) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
            InRoom(room, at, t => new SimEvent
            {
                Type = EventType.GiftSent, Ticks = t, Region = region, RoomId = room.Id, BroadcasterId = room.BroadcasterId, UserId = vip.Id, GiftId = giftId, Value = value,
            });
        }

        if (random.Chance(0.4))
        {
            var text = PhraseBook.BenignChat(random, vip.Lang);
            InRoom(room, SimulationWorld.After(join, random.Uniform(1, 20)), t => new SimEvent
            {
                Type = EventType.ChatMessage, Ticks = t, Region = region, RoomId = room.Id, UserId = vip.Id, Text = text, Lang = vip.Lang,
            });
        }

        InRoom(room, leave, t => new SimEvent { Type = EventType.ViewerLeft, Ticks = t, Region = region, RoomId = room.Id, UserId = vip.Id });
    }

    private void InRoom(Room room, long ticks, Func<long, SimEvent> create) => world.Scheduler.At(ticks, t =>
    {
        // A moderator may have ended the room meanwhile; the VIP's session simply continues elsewhere.
        if (!room.Ended)
        {
            world.Emit(create(t));
        }
    });

    /// <summary>Once a simulated day: the user's support tickets and surveys for the coming day.</summary>
    private void SupportDay(VipUser vip, long ticks)
    {
        if (vip.Churned(ticks))
        {
            return;
        }

        var random = world.Random;
        var sinceOnset = vip.OnsetTicks is { } onset && ticks >= onset ? (ticks - onset) / (double)TimeSpan.TicksPerDay : -1;
        var complaintsPerDay = vip.Scenario == VipScenarioTruth.Drift && sinceOnset >= 0 ? sinceOnset < 10 ? 0.35 : 0.1 : 0.04;
        var complaints = random.Poisson(complaintsPerDay);
        for (var i = 0; i < complaints; i++)
        {
            var severity = (ComplaintSeverity)random.PickWeighted([0.5, 0.35, 0.15]);
            world.Scheduler.At(SimulationWorld.After(ticks, random.Uniform(0, Day)), t => OpenComplaint(vip, t, severity));
        }

        var surveys = random.Poisson(0.12);
        for (var i = 0; i < surveys; i++)
        {
            world.Scheduler.At(SimulationWorld.After(ticks, random.Uniform(0, Day)), t => Survey(vip, t, null));
        }

        world.Scheduler.At(SimulationWorld.After(ticks, Day), t => SupportDay(vip, t));
    }

    private void OpenComplaint(VipUser vip, long ticks, ComplaintSeverity severity)
    {
        if (vip.Churned(ticks))
        {
            return;
        }

        var random = world.Random;
        var ticket = world.NextTicketId();
        world.Emit(new SimEvent
        {
            Type = EventType.UserComplaint, Ticks = ticks, Region = vip.Region.Region, UserId = vip.Id, TicketId = ticket,
            Topic = random.Pick(PhraseBook.Topics), Severity = severity,
        });

        var churning = vip.Scenario != VipScenarioTruth.Loyal && vip.OnsetTicks is { } onset && ticks >= onset - 24 * TimeSpan.TicksPerHour;
        if (vip.Scenario == VipScenarioTruth.Abrupt && churning)
        {
            // Support gets to the last-straw ticket only after the user has gone, if at all.
            if (random.Chance(0.5))
            {
                world.Scheduler.At(SimulationWorld.After(vip.OnsetTicks!.Value, random.Uniform(1, 3) * Day), t => Resolved(vip, t, ticket));
            }

            return;
        }

        if (churning && random.Chance(0.35))
        {
            return;
        }

        var resolveAfter = churning ? random.Uniform(0.5, 4) * Day : random.Uniform(1, 8) * 3600;
        var resolvedAt = SimulationWorld.After(ticks, resolveAfter);
        world.Scheduler.At(resolvedAt, t => Resolved(vip, t, ticket));
        if (random.Chance(churning ? 0.5 : 0.6))
        {
            world.Scheduler.At(SimulationWorld.After(resolvedAt, random.Uniform(0.5, 3) * 3600), t => Survey(vip, t, null));
        }
    }

    private void Resolved(VipUser vip, long ticks, string ticket) =>
        world.Emit(new SimEvent { Type = EventType.ComplaintResolved, Ticks = ticks, Region = vip.Region.Region, UserId = vip.Id, TicketId = ticket });

    private void Survey(VipUser vip, long ticks, int? score)
    {
        if (vip.Churned(ticks))
        {
            return;
        }

        var random = world.Random;
        var intensity = vip.Intensity(ticks);
        var answer = score ?? (vip.Scenario == VipScenarioTruth.Drift && intensity < 1
            ? Math.Clamp((int)Math.Round(1 + 3.5 * intensity + 0.5 * random.Normal()), 1, 5)
            : 1 + random.PickWeighted(ContentSurveyWeights));
        world.Emit(new SimEvent { Type = EventType.SatisfactionSurvey, Ticks = ticks, Region = vip.Region.Region, UserId = vip.Id, SurveyScore = answer });
    }
}
