using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>Valid contract v1 events of every type as JSON objects, to send as they are or after breaking one field.</summary>
public static class TestEvents
{
    /// <summary>Writes non-ASCII text as UTF-8 rather than \u escapes, as most producers do.</summary>
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Types { get; } =
    [
        "room.started", "room.ended", "viewer.joined", "viewer.left", "chat.message", "gift.sent", "follow", "report.filed",
        "moderation.score", "moderation.decision", "user.session", "user.complaint", "complaint.resolved", "satisfaction.survey",
    ];

    /// <summary>Fields each type must have beyond id, type, ts and region (the contract's table).</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredFields { get; } = new Dictionary<string, string[]>
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

    /// <summary>A prefix no other test uses, for ids: the shared server remembers every id it has seen.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + "-";

    public static string Ts(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A valid event of <paramref name="type"/> with every field the type has, one minute before the server's clock.</summary>
    public static JsonObject Valid(string type, string id, DateTimeOffset? ts = null)
    {
        var e = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["ts"] = Ts(ts ?? IngestServer.Now.AddMinutes(-1)),
            ["region"] = "MENA",
        };
        switch (type)
        {
            case "room.started":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["title"] = "Evening music";
                e["lang"] = "ar";
                break;
            case "room.ended":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["reason"] = "moderator";
                break;
            case "viewer.joined" or "viewer.left" or "follow":
                e["roomId"] = "room-1";
                e["userId"] = "user-1";
                if (type == "follow")
                {
                    e["broadcasterId"] = "bc-1";
                }

                break;
            case "chat.message":
                e["roomId"] = "room-1";
                e["userId"] = "user-1";
                e["text"] = "مرحبا hello";
                e["lang"] = "ar";
                break;
            case "gift.sent":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["userId"] = "user-1";
                e["giftId"] = "rose";
                e["value"] = 12.5;
                break;
            case "report.filed":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["userId"] = "user-1";
                e["category"] = "minor_safety";
                e["note"] = "looks under age";
                break;
            case "moderation.score":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["category"] = "nudity";
                e["score"] = 0.93;
                e["source"] = "video";
                e["model"] = "nsfw-v3";
                break;
            case "moderation.decision":
                e["roomId"] = "room-1";
                e["broadcasterId"] = "bc-1";
                e["decisionId"] = "dec-1";
                e["moderatorId"] = "mod-1";
                e["action"] = "end_stream";
                e["category"] = "self_harm";
                e["stage"] = "live";
                break;
            case "user.session":
                e["userId"] = "user-1";
                e["action"] = "end";
                e["minutes"] = 42.5;
                break;
            case "user.complaint":
                e["userId"] = "user-1";
                e["ticketId"] = "tk-1";
                e["topic"] = "payment";
                e["severity"] = "high";
                break;
            case "complaint.resolved":
                e["userId"] = "user-1";
                e["ticketId"] = "tk-1";
                break;
            case "satisfaction.survey":
                e["userId"] = "user-1";
                e["score"] = 4;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a contract v1 type");
        }

        return e;
    }

    /// <summary>A valid chat message, the commonest event.</summary>
    public static string Chat(string id, DateTimeOffset? ts = null) => Valid("chat.message", id, ts).Line();

    /// <summary>Sets a field to a raw JSON value (<c>"null"</c> writes a JSON null).</summary>
    public static JsonObject With(this JsonObject e, string field, string rawJson)
    {
        e[field] = JsonNode.Parse(rawJson);
        return e;
    }

    public static JsonObject Without(this JsonObject e, string field)
    {
        e.Remove(field);
        return e;
    }

    public static string Line(this JsonObject e) => e.ToJsonString(Raw);
}
