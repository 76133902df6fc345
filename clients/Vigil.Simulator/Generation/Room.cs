namespace Vigil.Simulator.Generation;

/// <summary>One live session of a broadcaster: its audience curve, who is watching, and what is planned for it.</summary>
internal sealed class Room
{
    public required string Id { get; init; }

    public required string BroadcasterId { get; init; }

    public required int Broadcaster { get; init; }

    public required RegionProfile Region { get; init; }

    public required string Lang { get; init; }

    /// <summary>Viewers at the plateau, before the time-of-day factor.</summary>
    public required double Peak { get; init; }

    public required double DurationSeconds { get; init; }

    public required long StartTicks { get; init; }

    /// <summary>How far into its curve the room already is when it starts (rooms live when the run begins).</summary>
    public required double AgeOffsetSeconds { get; init; }

    /// <summary>When the room ends unless something extends it (an episode or a VIP still watching) or a moderator ends it sooner.</summary>
    public long PlannedEndTicks { get; set; }

    public bool Ended { get; set; }

    /// <summary>Position in the live list, for removal in constant time.</summary>
    public int LiveIndex { get; set; }

    /// <summary>A moderator decision will end the room; nothing new is planned in it.</summary>
    public bool Closing { get; set; }

    /// <summary>The room has had its (at most one) violation episode or decoy.</summary>
    public bool Flagged { get; set; }

    public List<int> Viewers { get; } = [];

    public HashSet<int> Present { get; } = [];

    public long NextVideoScore { get; set; }

    public long NextAudioScore { get; set; }

    public long NextChatScore { get; set; }

    public long NextImageScore { get; set; }

    /// <summary>Run with the end time once the room ends (post-stage moderator decisions).</summary>
    public List<Action<long>> AfterEnd { get; } = [];

    /// <summary>Wanted audience: ramp up over the first 15% of the session, plateau, then decay to a tenth.</summary>
    public double TargetViewers(long ticks)
    {
        var age = (ticks - StartTicks) / (double)TimeSpan.TicksPerSecond + AgeOffsetSeconds;
        var phase = age / DurationSeconds;
        var curve = phase switch
        {
            < 0.15 => Math.Sin(Math.PI / 2 * phase / 0.15),
            < 0.7 => 1 + 0.08 * Math.Sin(age / 97),
            _ => Math.Max(0.05, Math.Exp(-(phase - 0.7) / 0.3 * Math.Log(10))),
        };
        return Peak * curve * Region.Diurnal(ticks);
    }

    /// <summary>Keeps the room live until at least <paramref name="ticks"/> (unless a moderator is ending it).</summary>
    public void KeepLiveUntil(long ticks)
    {
        if (!Closing && ticks > PlannedEndTicks)
        {
            PlannedEndTicks = ticks;
        }
    }

    /// <summary>A random current viewer, or -1 when the room is empty.</summary>
    public int RandomViewer(SimRandom random) => Viewers.Count == 0 ? -1 : Viewers[random.Next(Viewers.Count)];
}
