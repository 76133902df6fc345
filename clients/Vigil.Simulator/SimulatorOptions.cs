using System.Globalization;

namespace Vigil.Simulator;

/// <summary>
/// What the simulated platform looks like and how its traffic is paced; bound from <c>Vigil:Simulator</c> when the silo
/// runs the simulator embedded, filled from flags by the console app.
/// </summary>
/// <remarks>
/// Time: events carry simulated time. Simulated time starts at <see cref="Start"/> and runs <see cref="Compression"/>
/// times faster than the wall clock until it catches up with the wall clock, then it runs at wall speed. With the
/// defaults (no start, compression 1) simulated time is wall time. When <see cref="RealTime"/> is on, an event is
/// released only once the simulated clock has reached its <c>ts</c>, and the simulated clock never passes the wall
/// clock, so no event is ever stamped in the future of the sender's clock. Same <see cref="Seed"/>, same start and
/// same world settings give the same events, byte for byte.
/// </remarks>
public sealed class SimulatorOptions
{
    public const string SectionName = "Vigil:Simulator";

    /// <summary>Share of <see cref="Rate"/> the world is sized to produce, leaving room for busy hours and the start-up.</summary>
    public const double RateHeadroom = 0.85;

    /// <summary>Whether the silo host runs the embedded simulator; the runner itself ignores it.</summary>
    public bool Enabled { get; set; } = true;

    public int Seed { get; set; } = 42;

    /// <summary>Simulated start. Null: now, or with compression above 1, <see cref="Duration"/> (else 7 days) before now.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>Simulated seconds per wall second until simulated time reaches the wall clock (1 = live).</summary>
    public double Compression { get; set; } = 1;

    /// <summary>Upper bound on events sent per wall second; 0 = unlimited. Also sizes the world when <see cref="Rooms"/> is not set.</summary>
    public double Rate { get; set; } = 2000;

    /// <summary>Release events on the simulated clock (send, embedded); off writes as fast as possible (record).</summary>
    public bool RealTime { get; set; } = true;

    /// <summary>Concurrently live rooms. Null: sized so the world produces about 85% of <see cref="Rate"/> events per wall second.</summary>
    public int? Rooms { get; set; }

    /// <summary>VIP users (high spenders) whose loyal / drift / abrupt trajectories the simulator plays out.</summary>
    public int Vips { get; set; } = 50;

    /// <summary>Multiplier on room audiences (1 = a few very hot rooms with thousands of viewers, most with tens).</summary>
    public double AudienceScale { get; set; } = 1;

    /// <summary>Violation episodes started per live room per simulated hour, besides the three P1 episodes every run opens with.</summary>
    public double EpisodesPerRoomHour { get; set; } = 0.08;

    /// <summary>Benign decoys (a lone high score, a lone report) per live room per simulated hour.</summary>
    public double NoisePerRoomHour { get; set; } = 0.5;

    /// <summary>Share of chat, gift, follow and viewer events delivered 1-20 simulated seconds late (out of order).</summary>
    public double LateFraction { get; set; } = 0.005;

    /// <summary>Simulated time to run; null = until <see cref="MaxEvents"/> or cancellation.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Events to send; null = until <see cref="Duration"/> or cancellation.</summary>
    public long? MaxEvents { get; set; }

    /// <summary>Events per request; the contract allows at most 10,000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Longest a started batch waits for more events before it is sent anyway.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>JSON-lines file the ground truth (episodes, decoys, VIP scenarios) is written to; null = not written.</summary>
    public string? TruthPath { get; set; }

    /// <summary>Live rooms the world keeps: <see cref="Rooms"/>, or sized from the rate.</summary>
    public int ResolveRooms()
    {
        if (Rooms is { } rooms)
        {
            return rooms;
        }

        if (Rate <= 0)
        {
            return 200;
        }

        return (int)Math.Clamp(Math.Round(Rate * RateHeadroom / Compression / EventsPerRoomSecond(AudienceScale)), 1, 200_000);
    }

    /// <summary>
    /// Events one live room produces per simulated second, averaged over room lifetimes and the day: classifier scores
    /// and decoys (about 0.17) plus chat, gifts, follows and viewer churn in proportion to the audience (measured).
    /// </summary>
    public static double EventsPerRoomSecond(double audienceScale) => 0.17 + 0.78 * audienceScale;

    /// <summary>The simulated start for a run that begins at wall time <paramref name="wallNow"/>, truncated to milliseconds.</summary>
    public DateTimeOffset ResolveStart(DateTimeOffset wallNow)
    {
        var start = Start ?? (Compression > 1 ? wallNow - (Duration ?? TimeSpan.FromDays(7)) : wallNow);
        var utc = start.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    /// <summary>Every setting that cannot work, each naming its key (under <paramref name="section"/>) and value.</summary>
    public IReadOnlyList<string> Validate(string section = SectionName)
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string rule, object? value)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{key} must be {rule} (was '{value}')."));
            }
        }

        Check(double.IsFinite(Compression) && Compression >= 1, nameof(Compression), "a number of at least 1", Compression);
        Check(double.IsFinite(Rate) && Rate >= 0, nameof(Rate), "a number of events per second, 0 or more", Rate);
        Check(Rooms is null or >= 1 and <= 200_000, nameof(Rooms), "between 1 and 200000", Rooms);
        Check(Vips is >= 0 and <= 100_000, nameof(Vips), "between 0 and 100000", Vips);
        Check(double.IsFinite(AudienceScale) && AudienceScale is > 0 and <= 100, nameof(AudienceScale), "above 0 and at most 100", AudienceScale);
        Check(double.IsFinite(EpisodesPerRoomHour) && EpisodesPerRoomHour >= 0, nameof(EpisodesPerRoomHour), "0 or more", EpisodesPerRoomHour);
        Check(double.IsFinite(NoisePerRoomHour) && NoisePerRoomHour >= 0, nameof(NoisePerRoomHour), "0 or more", NoisePerRoomHour);
        Check(double.IsFinite(LateFraction) && LateFraction is >= 0 and <= 0.5, nameof(LateFraction), "between 0 and 0.5", LateFraction);
        Check(Duration is null || Duration > TimeSpan.Zero, nameof(Duration), "a positive duration such as 00:10:00", Duration);
        Check(MaxEvents is null or > 0, nameof(MaxEvents), "a positive number", MaxEvents);
        Check(BatchSize is >= 1 and <= 10_000, nameof(BatchSize), "between 1 and 10000 (the contract's request limit)", BatchSize);
        Check(Linger > TimeSpan.Zero, nameof(Linger), "a positive duration such as 00:00:00.500", Linger);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing <see cref="Validate"/>'s errors, if any.</summary>
    public void ThrowIfInvalid(string section = SectionName)
    {
        var errors = Validate(section);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }
    }
}
