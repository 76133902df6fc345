using System.Globalization;

namespace Vigil.Simulator.Cli;

/// <summary>
/// Hand-rolled parsing of <c>send</c>, <c>record</c> and <c>replay</c> (no System.CommandLine in the package set).
/// Options take their value as the next argument or after <c>=</c>; every error names the argument and its value.
/// </summary>
internal static class CommandLineParser
{
    public const string ApiKeyVariable = "VIGIL_API_KEY";

    private static readonly string[] WorldOptions =
        ["--seed", "--start", "--rooms", "--vips", "--audience", "--episodes-per-hour", "--noise-per-hour", "--late", "--duration", "--events", "--truth", "--batch"];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [CliCommand.Send] = [.. WorldOptions, "--url", "--api-key", "--rate", "--compress", "--max-retries"],
        [CliCommand.Record] = [.. WorldOptions, "--out"],
        [CliCommand.Replay] = ["--in", "--url", "--api-key", "--rate", "--batch", "--max-retries"],
    };

    /// <summary>The command, or an error message naming the bad argument.</summary>
    public static (CliCommand? Command, string? Error) Parse(IReadOnlyList<string> args, DateTimeOffset now, Func<string, string?> environment)
    {
        if (args.Count == 0)
        {
            return (null, "No command given.");
        }

        var name = args[0];
        if (name is "help" or "--help" or "-h" or "-?")
        {
            return (new CliCommand { Name = CliCommand.Help }, null);
        }

        if (!Allowed.TryGetValue(name, out var allowed))
        {
            return (null, $"Unknown command '{name}'.");
        }

        var command = new CliCommand { Name = name };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return (new CliCommand { Name = CliCommand.Help }, null);
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var option = equals > 0 ? arg[..equals] : arg;
            if (!option.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(option))
            {
                return (null, option.StartsWith('-') ? $"Unknown option '{option}' for '{name}'." : $"Unexpected argument '{arg}' for '{name}'.");
            }

            if (!seen.Add(option))
            {
                return (null, $"Option '{option}' is given twice.");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                return (null, $"Option '{option}' needs a value.");
            }

            var error = Apply(command, option, value, now);
            if (error is not null)
            {
                return (null, $"Option '{option}' {error} (was '{value}').");
            }
        }

        return Finish(command, environment);
    }

    private static string? Apply(CliCommand command, string option, string value, DateTimeOffset now)
    {
        var sim = command.Simulator;
        switch (option)
        {
            case "--seed":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? Set(() => sim.Seed = seed) : "needs a whole number";
            case "--start":
                return TryParseStart(value, now, out var start) ? Set(() => sim.Start = start) : "needs a time such as 2026-11-01T00:00:00Z, 'now' or '-7d'";
            case "--rooms":
                return TryInt(value, 1, 200_000, out var rooms) ? Set(() => sim.Rooms = rooms) : "needs a whole number from 1 to 200000";
            case "--vips":
                return TryInt(value, 0, 100_000, out var vips) ? Set(() => sim.Vips = vips) : "needs a whole number from 0 to 100000";
            case "--audience":
                return TryDouble(value, out var audience) && audience is > 0 and <= 100 ? Set(() => sim.AudienceScale = audience) : "needs a number above 0 and at most 100";
            case "--episodes-per-hour":
                return TryDouble(value, out var episodes) && episodes >= 0 ? Set(() => sim.EpisodesPerRoomHour = episodes) : "needs a number of episodes per room-hour, 0 or more";
            case "--noise-per-hour":
                return TryDouble(value, out var noise) && noise >= 0 ? Set(() => sim.NoisePerRoomHour = noise) : "needs a number of decoys per room-hour, 0 or more";
            case "--late":
                return TryDouble(value, out var late) && late is >= 0 and <= 0.5 ? Set(() => sim.LateFraction = late) : "needs a fraction from 0 to 0.5";
            case "--duration":
                return TryParseDuration(value, out var duration) && duration > TimeSpan.Zero ? Set(() => sim.Duration = duration) : "needs a positive duration such as 60, 90s, 15m, 2h, 7d or 00:10:00";
            case "--events":
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var events) && events > 0 ? Set(() => sim.MaxEvents = events) : "needs a positive whole number";
            case "--truth":
                return Set(() => sim.TruthPath = value);
            case "--batch":
                return TryInt(value, 1, 10_000, out var batch) ? Set(() => sim.BatchSize = command.Playback.BatchSize = batch) : "needs a whole number from 1 to 10000 (the contract's request limit)";
            case "--url":
                return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? Set(() => command.Url = url) : "needs an http(s) URL such as http://localhost:5080";
            case "--api-key":
                return value.Length > 0 ? Set(() => command.ApiKey = value) : "needs a key";
            case "--rate":
                return TryDouble(value, out var rate) && rate >= 0 ? Set(() => sim.Rate = command.Playback.Rate = rate) : "needs a number of events per second, 0 or more (0 = unlimited)";
            case "--compress":
                return TryDouble(value, out var compress) && compress >= 1 ? Set(() => sim.Compression = compress) : "needs a number of simulated seconds per wall second, at least 1";
            case "--max-retries":
                return TryInt(value, 0, 1000, out var retries) ? Set(() => command.MaxRetries = retries) : "needs a whole number from 0 to 1000";
            case "--out":
                return Set(() => command.OutPath = value);
            case "--in":
                return File.Exists(value) ? Set(() => command.InPath = value) : "needs an existing file";
            default:
                return "is not known";
        }
    }

    private static (CliCommand?, string?) Finish(CliCommand command, Func<string, string?> environment)
    {
        switch (command.Name)
        {
            case CliCommand.Send:
            case CliCommand.Replay:
                command.ApiKey ??= environment(ApiKeyVariable);
                if (string.IsNullOrEmpty(command.ApiKey))
                {
                    return (null, $"Option '--api-key' is required for '{command.Name}' (or set {ApiKeyVariable}).");
                }

                if (command.Name == CliCommand.Replay && command.InPath is null)
                {
                    return (null, "Option '--in' is required for 'replay'.");
                }

                break;
            case CliCommand.Record:
                if (command.OutPath is null)
                {
                    return (null, "Option '--out' is required for 'record'.");
                }

                if (command.Simulator.Duration is null && command.Simulator.MaxEvents is null)
                {
                    return (null, "'record' needs '--events' or '--duration' to know when to stop.");
                }

                // A recording is written as fast as it can be generated; pacing belongs to the replay.
                command.Simulator.RealTime = false;
                command.Simulator.Rate = 0;
                break;
        }

        return (command, null);
    }

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }

    private static bool TryInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;

    private static bool TryDouble(string value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    /// <summary><c>60</c> (seconds), <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>, or a TimeSpan such as <c>00:10:00</c>.</summary>
    internal static bool TryParseDuration(string value, out TimeSpan duration)
    {
        duration = default;
        if (value.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out duration);
        }

        var hasUnit = value.Length > 0 && char.IsLetter(value[^1]);
        var unit = hasUnit ? value[^1] : 's';
        var number = hasUnit ? value[..^1] : value;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            return false;
        }

        double? seconds = unit switch
        {
            's' => amount,
            'm' => amount * 60,
            'h' => amount * 3600,
            'd' => amount * 86_400,
            _ => null,
        };
        if (seconds is not { } s || s > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(s);
        return true;
    }

    /// <summary>RFC 3339, <c>now</c>, or a duration before now such as <c>-7d</c>.</summary>
    internal static bool TryParseStart(string value, DateTimeOffset now, out DateTimeOffset start)
    {
        start = now;
        if (value == "now")
        {
            return true;
        }

        if (value.StartsWith('-') && TryParseDuration(value[1..], out var before))
        {
            start = now - before;
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);
    }
}
