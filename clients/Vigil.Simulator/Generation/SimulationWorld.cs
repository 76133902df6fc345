using System.Diagnostics;
using System.Globalization;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Generation;

/// <summary>
/// What the parts of the simulated platform share: the one random source (every draw happens in a fixed order, which
/// is what makes a seed reproducible), the scheduler, the buffer of the current simulated second and id counters.
/// </summary>
internal sealed class SimulationWorld
{
    public const long TicksPerSecond = TimeSpan.TicksPerSecond;

    private readonly List<SimEvent> step = new(4096);
    private long sequence;
    private long roomCounter;
    private long episodeCounter;
    private long noiseCounter;
    private long decisionCounter;
    private long ticketCounter;

    public SimulationWorld(SimulatorOptions options, long startTicks, IGroundTruthSink? truth)
    {
        Options = options;
        StartTicks = startTicks;
        Truth = truth;
        var seed = unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)startTicks);
        Random = new SimRandom(seed);
        RunTag = RunTagFor(options.Seed, startTicks);
        RoomCount = options.ResolveRooms();
        UserPool = (int)Math.Max(20_000, RoomCount * 300 * options.AudienceScale);
        Whales = Math.Max(20, UserPool / 200);
    }

    public SimulatorOptions Options { get; }

    public SimRandom Random { get; }

    public EventScheduler Scheduler { get; } = new();

    public IGroundTruthSink? Truth { get; }

    public long StartTicks { get; }

    /// <summary>Short tag of this run (seed and start) in every event, room and ticket id, so two runs never share ids.</summary>
    public string RunTag { get; }

    public int RoomCount { get; }

    /// <summary>Ordinary users (<c>u0</c>..); the first <see cref="Whales"/> of them gift far more and far bigger.</summary>
    public int UserPool { get; }

    public int Whales { get; }

    /// <summary>Start of the simulated second being generated; every emitted event lies in [StepStart, StepStart + 1 s).</summary>
    public long StepStart { get; private set; }

    public IReadOnlyList<SimEvent> StepEvents => step;

    public static string RunTagFor(int seed, long startTicks)
    {
        var state = unchecked((ulong)seed * 0xBF58476D1CE4E5B9UL + (ulong)(startTicks / TimeSpan.TicksPerMillisecond));
        var random = new SimRandom(state);
        const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        return string.Create(6, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    public void BeginStep(long stepStart)
    {
        StepStart = stepStart;
        step.Clear();
    }

    public void Emit(SimEvent e)
    {
        Debug.Assert(e.Ticks >= StepStart && e.Ticks < StepStart + TicksPerSecond, "Events are emitted in the simulated second they happen in.");
        e.Sequence = sequence++;
        step.Add(e);
    }

    /// <summary><paramref name="ticks"/> plus <paramref name="seconds"/>, in whole milliseconds (the resolution of <c>ts</c>).</summary>
    public static long After(long ticks, double seconds) => ticks + (long)(seconds * 1000) * TimeSpan.TicksPerMillisecond;

    /// <summary>A random millisecond inside the current simulated second.</summary>
    public long InStep() => StepStart + Random.Next(1000) * TimeSpan.TicksPerMillisecond;

    public string UserId(int index) => "u" + index.ToString(CultureInfo.InvariantCulture);

    public int PickUser() => Random.Chance(0.02) ? Random.Next(Whales) : Random.Next(Whales, UserPool);

    public bool IsWhale(int user) => user < Whales;

    public string NextRoomId() => Id("r", ref roomCounter);

    public string NextEpisodeId() => Id("ep", ref episodeCounter);

    public string NextNoiseId() => Id("nz", ref noiseCounter);

    public string NextDecisionId() => Id("d", ref decisionCounter);

    public string NextTicketId() => Id("t", ref ticketCounter);

    public string NextModeratorId() => "mod" + Random.Next(40).ToString("D2", CultureInfo.InvariantCulture);

    private string Id(string prefix, ref long counter) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{RunTag}-{counter++}");
}
