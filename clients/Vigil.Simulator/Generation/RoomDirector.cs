using System.Globalization;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>
/// Keeps about <see cref="SimulationWorld.RoomCount"/> rooms live: broadcasters with heavy-tailed popularity go live,
/// draw an audience along their curve, get chat, gifts, follows and routine classifier scores, and end; an ended room is
/// replaced by a new one after a short gap.
/// </summary>
internal sealed class RoomDirector
{
    // Per viewer per simulated second.
    private const double ChatRate = 0.008;
    private const double GiftRate = 0.0008;
    private const double FollowRate = 0.0003;
    private const double MeanStaySeconds = 240;
    private const double Pull = 0.02;

    private static readonly Category[] VideoCategories = [Category.Nudity, Category.Sexual, Category.Violence, Category.MinorSafety, Category.Weapons, Category.Drugs];
    private static readonly Category[] AudioCategories = [Category.Hate, Category.Harassment, Category.Violence, Category.SelfHarm, Category.Copyright];
    private static readonly Category[] ChatCategories = [Category.Spam, Category.Hate, Category.Harassment, Category.Fraud, Category.Gambling, Category.Drugs, Category.SelfHarm];
    private static readonly Category[] ImageCategories = [Category.Nudity, Category.Sexual, Category.MinorSafety, Category.Weapons, Category.Gambling];

    private readonly SimulationWorld world;
    private readonly List<Room> live = [];
    private readonly RegionProfile[] broadcasterRegion;
    private readonly string[] broadcasterLang;
    private readonly double[] broadcasterPopularity;
    private readonly HashSet<int> liveBroadcasters = [];
    private readonly List<int> leftThisStep = [];

    public RoomDirector(SimulationWorld world)
    {
        this.world = world;
        var count = Math.Max(50, world.RoomCount * 3);
        broadcasterRegion = new RegionProfile[count];
        broadcasterLang = new string[count];
        broadcasterPopularity = new double[count];
        for (var i = 0; i < count; i++)
        {
            broadcasterRegion[i] = RegionProfile.All[world.Random.PickWeighted(RegionProfile.Weights)];
            broadcasterLang[i] = broadcasterRegion[i].PickLanguage(world.Random);

            // Pareto with alpha 1.1: most rooms have tens of viewers, a few have thousands.
            broadcasterPopularity[i] = Math.Min(40_000, world.Random.Pareto(15, 1.1)) * world.Options.AudienceScale;
        }
    }

    public IReadOnlyList<Room> Live => live;

    public static string ModelFor(ScoreSource source) => source switch
    {
        ScoreSource.Video => "vid-safety-v3",
        ScoreSource.Audio => "aud-tox-v2",
        ScoreSource.Chat => "chat-tox-v5",
        _ => "img-nsfw-v4",
    };

    public static IReadOnlyList<Category> RoutineCategories(ScoreSource source) => source switch
    {
        ScoreSource.Video => VideoCategories,
        ScoreSource.Audio => AudioCategories,
        ScoreSource.Chat => ChatCategories,
        _ => ImageCategories,
    };

    /// <summary>
    /// The rooms of the run's first minutes: they go live over the first 90 seconds at random points of their curves,
    /// so their audiences fill gradually instead of in one burst of joins the sender would lag behind for minutes.
    /// </summary>
    public void Open(long startTicks)
    {
        for (var i = 0; i < world.RoomCount; i++)
        {
            var at = SimulationWorld.After(startTicks, i < 3 ? world.Random.Uniform(0, 5) : world.Random.Uniform(0, 90));
            world.Scheduler.At(at, t => StartRoom(t, initial: true));
        }
    }

    /// <summary>A live room not ending soon, preferring <paramref name="region"/>, that passes <paramref name="filter"/>.</summary>
    public Room? PickLive(long ticks, Region? region, Func<Room, bool>? filter = null)
    {
        bool Fits(Room room, bool regionMatters) =>
            !room.Ended && !room.Closing && room.StartTicks <= ticks - 10 * SimulationWorld.TicksPerSecond
            && (!regionMatters || region is null || room.Region.Region == region) && (filter is null || filter(room));

        if (live.Count == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < 24; attempt++)
        {
            var room = live[world.Random.Next(live.Count)];
            if (Fits(room, regionMatters: attempt < 16))
            {
                return room;
            }
        }

        var offset = world.Random.Next(live.Count);
        for (var i = 0; i < live.Count; i++)
        {
            var room = live[(offset + i) % live.Count];
            if (Fits(room, regionMatters: false))
            {
                return room;
            }
        }

        return null;
    }

    /// <summary>Ends <paramref name="room"/> now: the remaining viewers leave, then <c>room.ended</c>.</summary>
    public void EndRoom(Room room, long ticks, RoomEndReason reason)
    {
        if (room.Ended)
        {
            return;
        }

        room.Ended = true;
        var last = live[^1];
        live[room.LiveIndex] = last;
        last.LiveIndex = room.LiveIndex;
        live.RemoveAt(live.Count - 1);
        liveBroadcasters.Remove(room.Broadcaster);
        foreach (var viewer in room.Viewers)
        {
            world.Emit(new SimEvent { Type = EventType.ViewerLeft, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, UserId = world.UserId(viewer) });
        }

        room.Viewers.Clear();
        room.Present.Clear();
        world.Emit(new SimEvent { Type = EventType.RoomEnded, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId, EndReason = reason });
        foreach (var after in room.AfterEnd)
        {
            after(ticks);
        }

        // Another broadcaster goes live after a short gap, so the number of live rooms stays about the same.
        world.Scheduler.At(SimulationWorld.After(ticks, world.Random.Exponential(30)), t => StartRoom(t, initial: false));
    }

    /// <summary>Background traffic of every live room for the simulated second starting at <paramref name="stepStart"/>.</summary>
    public void Step(long stepStart)
    {
        var stepEnd = stepStart + SimulationWorld.TicksPerSecond;
        foreach (var room in live)
        {
            if (room.StartTicks < stepStart)
            {
                StepRoom(room, stepStart, stepEnd);
            }
        }
    }

    private void StartRoom(long ticks, bool initial)
    {
        var random = world.Random;
        int broadcaster;
        do
        {
            broadcaster = random.Next(broadcasterRegion.Length);
        }
        while (liveBroadcasters.Contains(broadcaster));

        var duration = Math.Clamp(random.LogNormal(45 * 60, 0.6), 10 * 60, 4 * 3600);
        var offset = initial ? random.Uniform(0, 0.6) * duration : 0;
        var room = new Room
        {
            Id = world.NextRoomId(),
            Broadcaster = broadcaster,
            BroadcasterId = "b" + broadcaster.ToString(CultureInfo.InvariantCulture),
            Region = broadcasterRegion[broadcaster],
            Lang = broadcasterLang[broadcaster],
            Peak = broadcasterPopularity[broadcaster] * random.LogNormal(1, 0.3),
            DurationSeconds = duration,
            StartTicks = ticks,
            AgeOffsetSeconds = offset,
            PlannedEndTicks = SimulationWorld.After(ticks, duration - offset),
            NextVideoScore = SimulationWorld.After(ticks, random.Uniform(1, 15)),
            NextAudioScore = SimulationWorld.After(ticks, random.Uniform(1, 30)),
            NextChatScore = SimulationWorld.After(ticks, random.Uniform(1, 30)),
            NextImageScore = SimulationWorld.After(ticks, random.Uniform(1, 60)),
        };
        liveBroadcasters.Add(broadcaster);
        room.LiveIndex = live.Count;
        live.Add(room);
        world.Emit(new SimEvent
        {
            Type = EventType.RoomStarted, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
            Title = PhraseBook.Title(random, room.Lang), Lang = room.Lang,
        });
        world.Scheduler.At(room.PlannedEndTicks, t => EndWhenDue(room, t));
    }

    private void EndWhenDue(Room room, long ticks)
    {
        if (room.Ended)
        {
            return;
        }

        if (room.Closing || ticks < room.PlannedEndTicks)
        {
            // Extended meanwhile (an episode or a VIP keeps it going), or a moderator decision will end it.
            if (!room.Closing)
            {
                world.Scheduler.At(room.PlannedEndTicks, t => EndWhenDue(room, t));
            }

            return;
        }

        EndRoom(room, ticks, world.Random.Chance(0.02) ? RoomEndReason.System : RoomEndReason.Normal);
    }

    private void StepRoom(Room room, long stepStart, long stepEnd)
    {
        var random = world.Random;
        var region = room.Region.Region;
        var target = room.TargetViewers(stepStart);
        var count = room.Viewers.Count;

        // Viewers come and go (mean stay four minutes) and the audience is pulled towards the curve (time constant 50 s).
        var leaves = Math.Min(count, random.Poisson(count / MeanStaySeconds + Math.Max(0, count - target) * Pull));
        leftThisStep.Clear();
        for (var i = 0; i < leaves; i++)
        {
            var index = random.Next(room.Viewers.Count);
            var viewer = room.Viewers[index];
            room.Viewers[index] = room.Viewers[^1];
            room.Viewers.RemoveAt(room.Viewers.Count - 1);
            room.Present.Remove(viewer);
            leftThisStep.Add(viewer);
            world.Emit(new SimEvent { Type = EventType.ViewerLeft, Ticks = world.InStep(), Region = region, RoomId = room.Id, UserId = world.UserId(viewer), MayArriveLate = true });
        }

        var joins = random.Poisson(count / MeanStaySeconds + Math.Max(0, target - count) * Pull);
        for (var i = 0; i < joins; i++)
        {
            // Someone who left in this same second does not rejoin in it: both times are random within the second.
            var viewer = world.PickUser();
            if (!leftThisStep.Contains(viewer) && room.Present.Add(viewer))
            {
                room.Viewers.Add(viewer);
                world.Emit(new SimEvent { Type = EventType.ViewerJoined, Ticks = world.InStep(), Region = region, RoomId = room.Id, UserId = world.UserId(viewer), MayArriveLate = true });
            }
        }

        count = room.Viewers.Count;
        var chats = random.Poisson(count * ChatRate + 0.02);
        for (var i = 0; i < chats; i++)
        {
            var speaker = room.RandomViewer(random);
            var lang = random.Chance(0.85) ? room.Lang : room.Region.PickLanguage(random);
            world.Emit(new SimEvent
            {
                Type = EventType.ChatMessage, Ticks = world.InStep(), Region = region, RoomId = room.Id,
                UserId = speaker < 0 ? room.BroadcasterId : world.UserId(speaker), Text = PhraseBook.BenignChat(random, lang), Lang = lang, MayArriveLate = true,
            });
        }

        var gifts = count == 0 ? 0 : random.Poisson(count * GiftRate);
        for (var i = 0; i < gifts; i++)
        {
            var sender = room.RandomViewer(random);

            // Pareto spend: alpha 1.16 is the 80/20 rule; whales start at 100 coins with a heavier tail.
            var coins = world.IsWhale(sender) ? Math.Min(60_000, random.Pareto(100, 1.3)) : Math.Min(10_000, random.Pareto(1, 1.16));
            var (giftId, value) = GiftCatalog.ForSpend(coins);
            world.Emit(new SimEvent
            {
                Type = EventType.GiftSent, Ticks = world.InStep(), Region = region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
                UserId = world.UserId(sender), GiftId = giftId, Value = value, MayArriveLate = true,
            });
        }

        var follows = count == 0 ? 0 : random.Poisson(count * FollowRate);
        for (var i = 0; i < follows; i++)
        {
            world.Emit(new SimEvent
            {
                Type = EventType.Follow, Ticks = world.InStep(), Region = region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
                UserId = world.UserId(room.RandomViewer(random)), MayArriveLate = true,
            });
        }

        room.NextVideoScore = RoutineScores(room, ScoreSource.Video, room.NextVideoScore, stepEnd, 15);
        room.NextAudioScore = RoutineScores(room, ScoreSource.Audio, room.NextAudioScore, stepEnd, 30);
        room.NextChatScore = RoutineScores(room, ScoreSource.Chat, room.NextChatScore, stepEnd, 30);
        room.NextImageScore = RoutineScores(room, ScoreSource.Image, room.NextImageScore, stepEnd, 60);
    }

    /// <summary>The classifiers' routine passes over a benign room: low scores (cubed uniform, mostly under 0.05).</summary>
    private long RoutineScores(Room room, ScoreSource source, long due, long stepEnd, double periodSeconds)
    {
        var random = world.Random;
        while (due < stepEnd)
        {
            var ticks = Math.Max(due, world.StepStart);
            var u = random.NextDouble();
            world.Emit(new SimEvent
            {
                Type = EventType.ModerationScore, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
                Category = random.Pick(RoutineCategories(source)), Score = Math.Round(0.002 + 0.3 * u * u * u, 3), Source = source, Model = ModelFor(source),
            });
            due = SimulationWorld.After(due, periodSeconds * random.Uniform(0.9, 1.1));
        }

        return due;
    }
}
