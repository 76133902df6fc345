using System.Globalization;

namespace Vigil.LoadClient;

/// <summary>
/// The load client's command line. Throughput: <c>--url U --api-key K --events N --batch 500-1000 --connections C
/// --warm-up S --window S --windows W</c>. Fixed-rate latency probing adds <c>--rate R --probe-interval MS --probe-log F</c>.
/// </summary>
public sealed record LoadOptions
{
    public required Uri Url { get; init; }

    public required string ApiKey { get; init; }

    /// <summary>Events generated into memory before the first request.</summary>
    public long Events { get; init; } = 1_000_000;

    /// <summary>
    /// Events of the world's opening generated and not sent. A new world opens all its rooms within 90 simulated
    /// seconds, a burst of room starts (new activations, rooms' state growing) that a platform in its steady state
    /// never has; skipping it sends the world as it runs afterwards.
    /// </summary>
    public long Skip { get; init; }

    public int MinBatch { get; init; } = 500;

    public int MaxBatch { get; init; } = 1_000;

    /// <summary>Requests in flight at once, each on its own HTTP/1.1 connection.</summary>
    public int Connections { get; init; } = 8;

    public int Seed { get; init; } = 42;

    /// <summary>Live rooms of the simulated world (Twitch has about 100,000 at once).</summary>
    public int Rooms { get; init; } = 20_000;

    public int Vips { get; init; } = 5_000;

    /// <summary>Simulated time of the first event; null: far enough before now that the last event is not in the future.</summary>
    public DateTimeOffset? Start { get; init; }

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(5);

    public int Windows { get; init; } = 3;

    /// <summary>Events per second to send at; 0 sends as fast as the silo answers (closed loop).</summary>
    public double Rate { get; init; }

    /// <summary>With a rate: a probe that must raise a fresh alert rides on the next batch after every interval.</summary>
    public TimeSpan? ProbeInterval { get; init; }

    /// <summary>Where each probe's room id and send time (<c>Stopwatch.GetTimestamp()</c>) are written, one per line.</summary>
    public string? ProbeLog { get; init; }

    public const string Usage = "usage: Vigil.LoadClient --url <silo> --api-key <key> [--events N] [--skip N] [--batch 500-1000] [--connections C] "
        + "[--seed S] [--rooms R] [--vips V] [--start 2026-11-23T10:00:00Z] [--warm-up s] [--window s] [--windows W] [--rate events/s] [--probe-interval ms] [--probe-log file]";

    /// <summary>Reads the arguments; null with <paramref name="error"/> set when they cannot work.</summary>
    public static LoadOptions? Parse(string[] args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"'{args[i]}' needs a value. " + Usage;
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        try
        {
            var (minBatch, maxBatch) = Range(values.GetValueOrDefault("batch", "500-1000"));
            var options = new LoadOptions
            {
                Url = new Uri(Required(values, "url")),
                ApiKey = Required(values, "api-key"),
                Events = Number(values, "events", 1_000_000L),
                Skip = Number(values, "skip", 0L),
                MinBatch = minBatch,
                MaxBatch = maxBatch,
                Connections = (int)Number(values, "connections", 8L),
                Seed = (int)Number(values, "seed", 42L),
                Rooms = (int)Number(values, "rooms", 20_000L),
                Vips = (int)Number(values, "vips", 5_000L),
                Start = values.TryGetValue("start", out var start) ? DateTimeOffset.Parse(start, CultureInfo.InvariantCulture) : null,
                WarmUp = TimeSpan.FromSeconds(Real(values, "warm-up", 2)),
                Window = TimeSpan.FromSeconds(Real(values, "window", 5)),
                Windows = (int)Number(values, "windows", 3L),
                Rate = Real(values, "rate", 0),
                ProbeInterval = values.TryGetValue("probe-interval", out var probe) ? TimeSpan.FromMilliseconds(double.Parse(probe, CultureInfo.InvariantCulture)) : null,
                ProbeLog = values.GetValueOrDefault("probe-log"),
            };
            error = options.Validate();
            return error is null ? options : null;
        }
        catch (Exception exception) when (exception is FormatException or UriFormatException or OverflowException or ArgumentException)
        {
            error = exception.Message + " " + Usage;
            return null;
        }
    }

    private string? Validate()
    {
        if (MinBatch < 1 || MaxBatch > 10_000 || MinBatch > MaxBatch)
        {
            return $"--batch must be a size or a range within 1-10000 (was {MinBatch}-{MaxBatch}).";
        }

        if (Skip < 0)
        {
            return $"--skip must not be negative (was {Skip}).";
        }

        if (Events < MaxBatch || Connections < 1 || Windows < 1 || Window <= TimeSpan.Zero || WarmUp < TimeSpan.Zero || Rate < 0)
        {
            return "--events must be at least one batch, --connections, --windows and --window positive, --warm-up and --rate not negative.";
        }

        if (ProbeInterval is not null && (Rate <= 0 || ProbeLog is null || ProbeInterval <= TimeSpan.Zero))
        {
            return "--probe-interval needs a positive interval, a --rate and a --probe-log file.";
        }

        return null;
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required.");

    private static long Number(Dictionary<string, string> values, string name, long fallback) =>
        values.TryGetValue(name, out var value) ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    private static double Real(Dictionary<string, string> values, string name, double fallback) =>
        values.TryGetValue(name, out var value) ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    private static (int Min, int Max) Range(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? (int.Parse(text, CultureInfo.InvariantCulture), int.Parse(text, CultureInfo.InvariantCulture))
            : (int.Parse(text[..dash], CultureInfo.InvariantCulture), int.Parse(text[(dash + 1)..], CultureInfo.InvariantCulture));
    }
}
