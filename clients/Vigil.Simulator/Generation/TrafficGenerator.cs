using System.Globalization;
using Vigil.Grains.Contracts.Events;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>
/// The simulated platform as an endless stream of contract v1 events in event-time order (apart from the few made
/// deliberately late). Deterministic: the same options, seed and start give the same bytes. Not thread-safe.
/// </summary>
/// <remarks>
/// The world advances one simulated second at a time: scheduled happenings of that second run first (rooms starting
/// and ending, episode evidence, VIP sessions, tickets), then every live room's background traffic is drawn; the
/// second's events are sorted by time and handed out one by one.
/// </remarks>
public sealed class TrafficGenerator
{
    private readonly SimulationWorld world;
    private readonly RoomDirector rooms;
    private readonly EpisodeDirector episodes;
    private readonly ContractJsonWriter writer = new();
    private readonly PriorityQueue<SimEvent, (long Step, long Sequence)> late = new();
    private readonly List<SimEvent> pending = new(4096);
    private int pendingIndex;
    private long stepStart;
    private long step;
    private long emitted;

    public TrafficGenerator(SimulatorOptions options, DateTimeOffset start, IGroundTruthSink? truth = null)
    {
        options.ThrowIfInvalid();
        var startTicks = start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerMillisecond;
        Start = new DateTimeOffset(startTicks, TimeSpan.Zero);
        world = new SimulationWorld(options, startTicks, truth);
        rooms = new RoomDirector(world);
        episodes = new EpisodeDirector(world, rooms);
        rooms.Open(startTicks);
        episodes.Open(startTicks);
        new VipDirector(world, rooms).Open(startTicks);
        new SupportTraffic(world).Open(startTicks);
        stepStart = startTicks;
    }

    /// <summary>Simulated time of the first event (whole milliseconds, UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Tag of this run in every id; derived from the seed and the start.</summary>
    public string RunTag => world.RunTag;

    /// <summary>Rooms the world keeps live.</summary>
    public int Rooms => world.RoomCount;

    /// <summary>Events handed out so far.</summary>
    public long Emitted => emitted;

    /// <summary>The next event. The stream never ends: the caller stops on a count, a time or cancellation.</summary>
    public GeneratedEvent Next()
    {
        while (true)
        {
            while (pendingIndex >= pending.Count)
            {
                GenerateStep();
            }

            var e = pending[pendingIndex++];
            e.OnEmitted?.Invoke(e);
            if (e.IsMarker)
            {
                continue;
            }

            var id = world.RunTag + "-" + emitted.ToString("x", CultureInfo.InvariantCulture);
            emitted++;
            return new GeneratedEvent(EventNames.Name(e.Type), new DateTimeOffset(e.Ticks, TimeSpan.Zero), writer.Write(e, id));
        }
    }

    /// <summary>Ends the run: episodes the stream stopped inside are written to the ground truth with what was sent.</summary>
    public void Complete() => episodes.Complete();

    private void GenerateStep()
    {
        pending.Clear();
        pendingIndex = 0;
        var stepEnd = stepStart + SimulationWorld.TicksPerSecond;
        world.BeginStep(stepStart);
        while (world.Scheduler.TryTakeBefore(stepEnd, out var happen, out var ticks))
        {
            // Something planned for a second already handed out happens at the start of this one, never in the past.
            happen(Math.Max(ticks, stepStart));
        }

        rooms.Step(stepStart);

        // Late deliveries held back from earlier seconds come first: their ts is older than anything sent before them.
        while (late.TryPeek(out var held, out var due) && due.Step <= step)
        {
            late.Dequeue();
            pending.Add(held);
        }

        var fresh = world.StepEvents.ToArray();
        Array.Sort(fresh, static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Sequence.CompareTo(b.Sequence));
        var lateFraction = world.Options.LateFraction;
        foreach (var e in fresh)
        {
            if (e.MayArriveLate && lateFraction > 0 && world.Random.Chance(lateFraction))
            {
                late.Enqueue(e, (step + world.Random.Next(1, 21), e.Sequence));
            }
            else
            {
                pending.Add(e);
            }
        }

        stepStart = stepEnd;
        step++;
    }
}
