using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>Events of contract v1 (/work/shared/contracts/events-v1.md) as the JSON lines a producer posts.</summary>
public static class EventLine
{
    public static JsonObject RoomStarted(DateTimeOffset at, string region, string roomId, string broadcasterId, string? title) =>
        Envelope("room.started", at, region, new() { ["roomId"] = roomId, ["broadcasterId"] = broadcasterId, ["title"] = title, ["lang"] = "en" });

    public static JsonObject ViewerJoined(DateTimeOffset at, string region, string roomId, string userId) =>
        Envelope("viewer.joined", at, region, new() { ["roomId"] = roomId, ["userId"] = userId });

    public static JsonObject Chat(DateTimeOffset at, string region, string roomId, string userId, string text) =>
        Envelope("chat.message", at, region, new() { ["roomId"] = roomId, ["userId"] = userId, ["text"] = text, ["lang"] = "en" });

    public static JsonObject Report(DateTimeOffset at, string region, string roomId, string broadcasterId, string reporterId, string category, string note) =>
        Envelope("report.filed", at, region, new()
        {
            ["roomId"] = roomId, ["broadcasterId"] = broadcasterId, ["userId"] = reporterId, ["category"] = category, ["note"] = note,
        });

    public static JsonObject ModerationScore(DateTimeOffset at, string region, string roomId, string broadcasterId, string category, double score, string source) =>
        Envelope("moderation.score", at, region, new()
        {
            ["roomId"] = roomId, ["broadcasterId"] = broadcasterId, ["category"] = category, ["score"] = score, ["source"] = source, ["model"] = "browser-tests",
        });

    public static JsonObject SessionStart(DateTimeOffset at, string region, string userId) =>
        Envelope("user.session", at, region, new() { ["userId"] = userId, ["action"] = "start" });

    public static JsonObject SessionEnd(DateTimeOffset at, string region, string userId, double minutes) =>
        Envelope("user.session", at, region, new() { ["userId"] = userId, ["action"] = "end", ["minutes"] = minutes });

    public static JsonObject Gift(DateTimeOffset at, string region, string roomId, string broadcasterId, string userId, double coins) =>
        Envelope("gift.sent", at, region, new()
        {
            ["roomId"] = roomId, ["broadcasterId"] = broadcasterId, ["userId"] = userId, ["giftId"] = "rose", ["value"] = coins,
        });

    public static JsonObject Complaint(DateTimeOffset at, string region, string userId, string ticketId) =>
        Envelope("user.complaint", at, region, new() { ["userId"] = userId, ["ticketId"] = ticketId, ["topic"] = "payments", ["severity"] = "high" });

    public static JsonObject Survey(DateTimeOffset at, string region, string userId, int score) =>
        Envelope("satisfaction.survey", at, region, new() { ["userId"] = userId, ["score"] = score });

    private static JsonObject Envelope(string type, DateTimeOffset at, string region, JsonObject fields)
    {
        var line = new JsonObject
        {
            ["id"] = Unique.Id("evt"),
            ["type"] = type,
            ["ts"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["region"] = region,
        };
        foreach (var (name, value) in fields.ToList())
        {
            if (value is not null)
            {
                fields.Remove(name);
                line[name] = value;
            }
        }

        return line;
    }
}
