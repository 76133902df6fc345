using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Simulator.Tests.Support;

/// <summary>
/// An independent reading of shared/contracts/events-v1.md: the envelope, each type's required fields, JSON types,
/// enums and ranges. Written from the contract table, not from the simulator's code, so it can catch the simulator.
/// </summary>
public static partial class ContractChecker
{
    private static readonly HashSet<string> Regions = ["MENA", "NA", "LATAM", "EU", "SEA", "SA", "OTHER"];

    private static readonly HashSet<string> Categories =
        ["nudity", "sexual", "violence", "self_harm", "minor_safety", "hate", "harassment", "gambling", "drugs", "weapons", "fraud", "spam", "copyright", "other"];

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["room.started"] = ["roomId", "broadcasterId"],
        ["room.ended"] = ["roomId", "broadcasterId"],
        ["viewer.joined"] = ["roomId", "userId"],
        ["viewer.left"] = ["roomId", "userId"],
        ["chat.message"] = ["roomId", "userId", "text"],
        ["gift.sent"] = ["roomId", "broadcasterId", "userId", "giftId", "value"],
        ["follow"] = ["roomId", "broadcasterId", "userId"],
        ["report.filed"] = ["roomId", "broadcasterId", "userId", "category"],
        ["moderation.score"] = ["roomId", "broadcasterId", "category", "score", "source"],
        ["moderation.decision"] = ["broadcasterId", "decisionId", "moderatorId", "action", "category", "stage"],
        ["user.session"] = ["userId", "action"],
        ["user.complaint"] = ["userId", "ticketId", "topic", "severity"],
        ["complaint.resolved"] = ["userId", "ticketId"],
        ["satisfaction.survey"] = ["userId", "score"],
    };

    public static IReadOnlyCollection<string> Types => Required.Keys;

    /// <summary>Every way <paramref name="line"/> breaks the contract for a receiver whose clock reads <paramref name="receiverNow"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Check(ReadOnlySpan<byte> line, DateTimeOffset receiverNow)
    {
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException exception)
        {
            return ["not JSON: " + exception.Message];
        }

        using (document)
        {
            var e = document.RootElement;
            if (e.ValueKind != JsonValueKind.Object)
            {
                return ["not a JSON object"];
            }

            Identifier(e, "id", required: true, errors);
            var type = String(e, "type", errors);
            if (type is not null && !Required.ContainsKey(type))
            {
                errors.Add($"unknown type '{type}'");
            }

            if (String(e, "ts", errors) is { } ts)
            {
                if (!Rfc3339().IsMatch(ts) || !DateTimeOffset.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    errors.Add($"ts '{ts}' is not RFC 3339 with an offset");
                }
                else if (time > receiverNow + TimeSpan.FromMinutes(5))
                {
                    errors.Add($"ts '{ts}' is more than 5 minutes in the future");
                }
            }

            OneOf(e, "region", Regions, required: true, errors);
            Identifier(e, "roomId", required: false, errors);
            Identifier(e, "broadcasterId", required: false, errors);
            Identifier(e, "userId", required: false, errors);
            if (type is null || !Required.TryGetValue(type, out var required))
            {
                return errors;
            }

            foreach (var field in required)
            {
                if (!e.TryGetProperty(field, out _))
                {
                    errors.Add($"{type} lacks '{field}'");
                }
            }

            CheckPayload(type, e, errors);
        }

        return errors;
    }

    private static void CheckPayload(string type, JsonElement e, List<string> errors)
    {
        switch (type)
        {
            case "room.started":
                OptionalString(e, "title", 2000, errors);
                Lang(e, errors);
                break;
            case "room.ended":
                OneOf(e, "reason", ["normal", "moderator", "system"], required: false, errors);
                break;
            case "chat.message":
                if (String(e, "text", errors) is { } text && text.Length is < 1 or > 2000)
                {
                    errors.Add($"text has {text.Length} chars, not 1-2000");
                }

                Lang(e, errors);
                break;
            case "gift.sent":
                Identifier(e, "giftId", required: true, errors);
                Number(e, "value", v => v > 0, "> 0", errors);
                break;
            case "report.filed":
                OneOf(e, "category", Categories, required: true, errors);
                OptionalString(e, "note", 2000, errors);
                break;
            case "moderation.score":
                OneOf(e, "category", Categories, required: true, errors);
                Number(e, "score", v => v is >= 0 and <= 1, "in 0..1", errors);
                OneOf(e, "source", ["video", "audio", "chat", "image"], required: true, errors);
                OptionalString(e, "model", 2000, errors);
                break;
            case "moderation.decision":
                Identifier(e, "decisionId", required: true, errors);
                Identifier(e, "moderatorId", required: true, errors);
                OneOf(e, "action", ["none", "warn", "mute", "end_stream", "suspend", "ban"], required: true, errors);
                OneOf(e, "category", Categories, required: true, errors);
                OneOf(e, "stage", ["live", "post"], required: true, errors);
                break;
            case "user.session":
                var action = OneOf(e, "action", ["start", "end"], required: true, errors);
                if (e.TryGetProperty("minutes", out _))
                {
                    Number(e, "minutes", v => v >= 0, ">= 0", errors);
                    if (action == "start")
                    {
                        errors.Add("minutes belongs on a session end");
                    }
                }

                break;
            case "user.complaint":
                Identifier(e, "ticketId", required: true, errors);
                OptionalString(e, "topic", 2000, errors);
                OneOf(e, "severity", ["low", "medium", "high"], required: true, errors);
                break;
            case "complaint.resolved":
                Identifier(e, "ticketId", required: true, errors);
                break;
            case "satisfaction.survey":
                Number(e, "score", v => v is >= 1 and <= 5 && Math.Floor(v) == v, "an integer 1..5", errors);
                break;
        }
    }

    private static string? String(JsonElement e, string name, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            errors.Add($"missing '{name}'");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"'{name}' is {value.ValueKind}, not a string");
            return null;
        }

        return value.GetString();
    }

    private static void Identifier(JsonElement e, string name, bool required, List<string> errors)
    {
        if (!e.TryGetProperty(name, out _) && !required)
        {
            return;
        }

        if (String(e, name, errors) is { } value && value.Length is < 1 or > 128)
        {
            errors.Add($"'{name}' has {value.Length} chars, not 1-128");
        }
    }

    private static void OptionalString(JsonElement e, string name, int maxLength, List<string> errors)
    {
        if (e.TryGetProperty(name, out _) && String(e, name, errors) is { } value && value.Length > maxLength)
        {
            errors.Add($"'{name}' is longer than {maxLength}");
        }
    }

    private static string? OneOf(JsonElement e, string name, IReadOnlyCollection<string> allowed, bool required, List<string> errors)
    {
        if (!e.TryGetProperty(name, out _) && !required)
        {
            return null;
        }

        var value = String(e, name, errors);
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add($"'{name}' has the unknown value '{value}'");
        }

        return value;
    }

    private static void Number(JsonElement e, string name, Func<double, bool> rule, string ruleText, List<string> errors)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            errors.Add($"'{name}' is not a finite number");
        }
        else if (!rule(number))
        {
            errors.Add($"'{name}' is {number}, not {ruleText}");
        }
    }

    private static void Lang(JsonElement e, List<string> errors)
    {
        if (e.TryGetProperty("lang", out _) && String(e, "lang", errors) is { } lang && !Bcp47().IsMatch(lang))
        {
            errors.Add($"lang '{lang}' is not a BCP 47 tag");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex Bcp47();
}
