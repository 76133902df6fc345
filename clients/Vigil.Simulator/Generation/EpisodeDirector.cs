using Vigil.Grains.Contracts.Events;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>
/// Injects violation episodes (escalating classifier scores from the category's sources, a burst of reports, keyword
/// chat), the moderator decisions that follow some of them, and benign decoys; writes the ground truth of each.
/// </summary>
internal sealed class EpisodeDirector
{
    private static readonly Category[] Categories =
    [
        Category.Nudity, Category.Sexual, Category.Violence, Category.SelfHarm, Category.MinorSafety, Category.Hate, Category.Harassment,
        Category.Gambling, Category.Drugs, Category.Weapons, Category.Fraud, Category.Spam, Category.Copyright,
    ];

    private static readonly double[] CategoryWeights = [12, 10, 8, 5, 5, 10, 12, 8, 6, 4, 8, 10, 2];

    private static readonly double[] StrengthWeights = [0.25, 0.40, 0.35];

    private readonly SimulationWorld world;
    private readonly RoomDirector rooms;
    private readonly List<Episode> pendingTruth = [];

    public EpisodeDirector(SimulationWorld world, RoomDirector rooms)
    {
        this.world = world;
        this.rooms = rooms;
    }

    /// <summary>Which classifiers see a category, most telling first.</summary>
    public static IReadOnlyList<ScoreSource> SourcesOf(Category category) => category switch
    {
        Category.Nudity or Category.Weapons => [ScoreSource.Video, ScoreSource.Image],
        Category.Sexual or Category.MinorSafety => [ScoreSource.Video, ScoreSource.Image, ScoreSource.Chat],
        Category.Violence => [ScoreSource.Video, ScoreSource.Audio],
        Category.SelfHarm => [ScoreSource.Video, ScoreSource.Audio, ScoreSource.Chat],
        Category.Hate or Category.Harassment => [ScoreSource.Chat, ScoreSource.Audio],
        Category.Gambling => [ScoreSource.Chat, ScoreSource.Image],
        Category.Drugs => [ScoreSource.Video, ScoreSource.Chat],
        Category.Copyright => [ScoreSource.Audio, ScoreSource.Video],
        _ => [ScoreSource.Chat],
    };

    public void Open(long startTicks)
    {
        // Every run opens with the three categories that must page someone, so a short demo always shows P1 alerts.
        TryStartOrRetry(SimulationWorld.After(startTicks, 20), Category.MinorSafety);
        TryStartOrRetry(SimulationWorld.After(startTicks, 40), Category.SelfHarm);
        TryStartOrRetry(SimulationWorld.After(startTicks, 60), Category.Violence);
        if (world.Options.EpisodesPerRoomHour > 0)
        {
            ScheduleNext(startTicks, world.Options.EpisodesPerRoomHour, t => StartEpisode(t, null, null));
        }

        if (world.Options.NoisePerRoomHour > 0)
        {
            ScheduleNext(startTicks, world.Options.NoisePerRoomHour, Decoy);
        }
    }

    /// <summary>Writes the truth of episodes the stream has not passed the end of, with what was actually sent.</summary>
    public void Complete()
    {
        foreach (var episode in pendingTruth)
        {
            if (!episode.TruthWritten && episode.HasEvidence)
            {
                episode.TruthWritten = true;
                world.Truth?.Write(episode.ToTruth(complete: false));
            }
        }

        pendingTruth.Clear();
    }

    private void ScheduleNext(long after, double perRoomHour, Action<long> happen)
    {
        var meanSeconds = 3600 / (perRoomHour * world.RoomCount);
        world.Scheduler.At(SimulationWorld.After(after, world.Random.Exponential(meanSeconds)), t =>
        {
            happen(t);
            ScheduleNext(t, perRoomHour, happen);
        });
    }

    private void TryStartOrRetry(long ticks, Category category) => world.Scheduler.At(ticks, t =>
    {
        if (!StartEpisode(t, category, EvidenceStrength.Strong))
        {
            TryStartOrRetry(SimulationWorld.After(t, 10), category);
        }
    });

    private bool StartEpisode(long ticks, Category? forcedCategory, EvidenceStrength? forcedStrength)
    {
        var room = rooms.PickLive(ticks, null, r => !r.Flagged);
        if (room is null)
        {
            return false;
        }

        var random = world.Random;
        var category = forcedCategory ?? Categories[random.PickWeighted(CategoryWeights)];
        var strength = forcedStrength ?? (EvidenceStrength)random.PickWeighted(StrengthWeights);
        var seconds = strength switch
        {
            EvidenceStrength.Strong => random.Uniform(240, 720),
            EvidenceStrength.Moderate => random.Uniform(180, 600),
            _ => random.Uniform(120, 360),
        };
        var all = SourcesOf(category);
        var episode = new Episode
        {
            Id = world.NextEpisodeId(),
            Room = room,
            Category = category,
            Strength = strength,
            Severity = SeverityModel.Expected(category, strength),
            StartTicks = ticks,
            EndTicks = SimulationWorld.After(ticks, seconds),
            Sources = strength switch
            {
                EvidenceStrength.Strong => all,
                EvidenceStrength.Moderate => all.Take(2).ToArray(),
                _ => all.Take(1).ToArray(),
            },
        };
        room.Flagged = true;
        room.KeepLiveUntil(SimulationWorld.After(episode.EndTicks, 180));
        if (random.Chance(strength switch { EvidenceStrength.Strong => 0.8, EvidenceStrength.Moderate => 0.5, _ => 0.2 }))
        {
            episode.DecisionAction = SeverityModel.Decision(random, episode.Severity);
            episode.DecisionStage = random.Chance(0.6) ? DecisionStage.Live : DecisionStage.Post;
        }

        pendingTruth.Add(episode);
        PlanScores(episode);
        PlanReports(episode, seconds);
        PlanChat(episode);
        world.Scheduler.At(episode.EndTicks, t => Finish(episode, t));
        return true;
    }

    private void PlanScores(Episode episode)
    {
        var random = world.Random;
        var (floor, peak) = episode.Strength switch
        {
            EvidenceStrength.Strong => (0.45, random.Uniform(0.93, 0.99)),
            EvidenceStrength.Moderate => (0.35, random.Uniform(0.75, 0.88)),
            _ => (0.30, random.Uniform(0.55, 0.70)),
        };
        foreach (var source in episode.Sources)
        {
            var at = SimulationWorld.After(episode.StartTicks, random.Uniform(0, 8));
            while (at < episode.EndTicks)
            {
                world.Scheduler.At(at, t =>
                {
                    // Escalation: the score climbs to its peak over the first 60% of the episode, with classifier jitter.
                    var progress = (t - episode.StartTicks) / (double)(episode.EndTicks - episode.StartTicks);
                    var climb = Math.Pow(Math.Min(1, progress / 0.6), 1.5);
                    var wobble = episode.Strength == EvidenceStrength.Weak ? 0.05 * Math.Sin(progress * 12) : 0;
                    var score = Math.Clamp(floor + (peak - floor) * climb + wobble + 0.02 * random.Normal(), 0.001, 0.999);
                    Evidence(episode, new SimEvent
                    {
                        Type = EventType.ModerationScore, Ticks = t, Region = episode.Room.Region.Region, RoomId = episode.Room.Id,
                        BroadcasterId = episode.Room.BroadcasterId, Category = episode.Category, Score = Math.Round(score, 3), Source = source,
                        Model = RoomDirector.ModelFor(source), OnEmitted = episode.Counted,
                    });
                });
                at = SimulationWorld.After(at, random.Uniform(8, 16));
            }
        }
    }

    private void PlanReports(Episode episode, double seconds)
    {
        var random = world.Random;
        var count = episode.Strength switch
        {
            EvidenceStrength.Strong => random.Next(6, 21),
            EvidenceStrength.Moderate => random.Next(2, 6),
            _ => random.Next(0, 2),
        };

        // Viewers notice once the violation is under way: reports fall in the last 80% of the episode.
        for (var i = 0; i < count; i++)
        {
            var at = SimulationWorld.After(episode.StartTicks, seconds * random.Uniform(0.2, 0.99));
            world.Scheduler.At(at, t =>
            {
                var reporter = episode.Room.RandomViewer(random);
                Evidence(episode, new SimEvent
                {
                    Type = EventType.ReportFiled, Ticks = t, Region = episode.Room.Region.Region, RoomId = episode.Room.Id,
                    BroadcasterId = episode.Room.BroadcasterId, UserId = world.UserId(reporter < 0 ? world.PickUser() : reporter),
                    Category = episode.Category, Note = PhraseBook.Note(random, episode.Category), OnEmitted = episode.Counted,
                });
            });
        }
    }

    private void PlanChat(Episode episode)
    {
        if (!PhraseBook.HasKeywords(episode.Category))
        {
            return;
        }

        var random = world.Random;
        var count = episode.Strength switch
        {
            EvidenceStrength.Strong => random.Next(8, 21),
            EvidenceStrength.Moderate => random.Next(4, 9),
            _ => random.Next(1, 4),
        };
        var seconds = (episode.EndTicks - episode.StartTicks) / (double)SimulationWorld.TicksPerSecond;
        for (var i = 0; i < count; i++)
        {
            world.Scheduler.At(SimulationWorld.After(episode.StartTicks, random.Uniform(0, seconds * 0.99)), t =>
            {
                var speaker = episode.Room.RandomViewer(random);
                Evidence(episode, new SimEvent
                {
                    Type = EventType.ChatMessage, Ticks = t, Region = episode.Room.Region.Region, RoomId = episode.Room.Id,
                    UserId = speaker < 0 ? episode.Room.BroadcasterId : world.UserId(speaker),
                    Text = PhraseBook.Violation(random, episode.Category, episode.Room.Lang), Lang = episode.Room.Lang, OnEmitted = episode.Counted,
                });
            });
        }
    }

    private void Evidence(Episode episode, SimEvent e)
    {
        if (!episode.Room.Ended)
        {
            world.Emit(e);
        }
    }

    private void Finish(Episode episode, long ticks)
    {
        // The truth is written when the consumer passes this marker, i.e. after every evidence event of the episode.
        world.Emit(SimEvent.Marker(ticks, _ =>
        {
            if (!episode.TruthWritten)
            {
                episode.TruthWritten = true;
                pendingTruth.Remove(episode);
                world.Truth?.Write(episode.ToTruth(complete: true));
            }
        }));

        if (episode.DecisionAction is not { } action)
        {
            return;
        }

        var room = episode.Room;
        if (episode.DecisionStage == DecisionStage.Live)
        {
            var at = SimulationWorld.After(ticks, world.Random.Uniform(15, 120));
            room.KeepLiveUntil(SimulationWorld.After(at, 60));
            world.Scheduler.At(at, t =>
            {
                if (room.Ended)
                {
                    return;
                }

                EmitDecision(room, t, action, episode.Category, DecisionStage.Live);
                if (action is ModerationAction.EndStream or ModerationAction.Suspend or ModerationAction.Ban)
                {
                    room.Closing = true;
                    world.Scheduler.At(SimulationWorld.After(t, world.Random.Uniform(2, 15)), end => rooms.EndRoom(room, end, RoomEndReason.Moderator));
                }
            });
        }
        else
        {
            PostDecisionAfterEnd(room, action, episode.Category);
        }
    }

    private void PostDecisionAfterEnd(Room room, ModerationAction action, Category category) =>
        room.AfterEnd.Add(end => world.Scheduler.At(
            SimulationWorld.After(end, world.Random.Uniform(300, 3 * 3600)),
            t => EmitDecision(room, t, action, category, DecisionStage.Post)));

    private void EmitDecision(Room room, long ticks, ModerationAction action, Category category, DecisionStage stage) =>
        world.Emit(new SimEvent
        {
            Type = EventType.ModerationDecision, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
            DecisionId = world.NextDecisionId(), ModeratorId = world.NextModeratorId(), Action = action, Category = category, Stage = stage,
        });

    /// <summary>A lone high score or a lone report in an unflagged room: what a detector must not alert on by itself.</summary>
    private void Decoy(long ticks)
    {
        var room = rooms.PickLive(ticks, null, r => !r.Flagged);
        if (room is null)
        {
            return;
        }

        // A decoy room gets no episode later, so the decoy stays the only evidence in it.
        room.Flagged = true;
        var random = world.Random;
        var id = world.NextNoiseId();
        SimEvent decoy;
        if (random.Chance(0.5))
        {
            var source = (ScoreSource)random.Next(4);
            decoy = new SimEvent
            {
                Type = EventType.ModerationScore, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
                Category = random.Pick(RoomDirector.RoutineCategories(source)), Score = Math.Round(random.Uniform(0.7, 0.95), 3), Source = source,
                Model = RoomDirector.ModelFor(source), OnEmitted = e => WriteDecoy(id, NoiseTruth.LoneHighScore, room, e),
            };
        }
        else
        {
            var reporter = room.RandomViewer(random);
            var category = random.Pick(Categories);
            decoy = new SimEvent
            {
                Type = EventType.ReportFiled, Ticks = ticks, Region = room.Region.Region, RoomId = room.Id, BroadcasterId = room.BroadcasterId,
                UserId = world.UserId(reporter < 0 ? world.PickUser() : reporter), Category = category, Note = PhraseBook.Note(random, category),
                OnEmitted = e => WriteDecoy(id, NoiseTruth.LoneReport, room, e),
            };
        }

        world.Emit(decoy);
        if (random.Chance(0.15))
        {
            // QA sees the decoy reviewed after the stream and closed with no action.
            PostDecisionAfterEnd(room, ModerationAction.None, decoy.Category!.Value);
        }
    }

    private void WriteDecoy(string id, string signal, Room room, SimEvent e) => world.Truth?.Write(new NoiseTruth
    {
        Id = id,
        Signal = signal,
        RoomId = room.Id,
        BroadcasterId = room.BroadcasterId,
        Region = room.Region.Region.ToString(),
        Category = EventNames.Name(e.Category!.Value),
        Ts = new DateTimeOffset(e.Ticks, TimeSpan.Zero),
        Score = e.Score,
    });
}
