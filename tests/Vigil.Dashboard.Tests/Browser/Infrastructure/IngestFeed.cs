using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// The platform's side of the contract: posts events to <c>POST /api/events</c> with the producer key, and knows the
/// recipes that make the silo raise an alert or nudge an advisor. Event time is the silo's wall clock, so alerts are
/// raised "now" and VIP history is back-dated from now.
/// </summary>
public sealed class IngestFeed(HttpClient http, string apiKey)
{
    /// <summary>
    /// Two classifier scores of 0.95 give risk 1 - (1 - 0.95 x 0.95) = 0.90 (DefaultPolicy's combination rule), above
    /// every category's alert threshold and minimum evidence; it is P1 (60 s SLA) for minor_safety, self_harm and
    /// violence, P2 (300 s SLA, time enough to act on by hand) for nudity, sexual, weapons, hate and harassment.
    /// </summary>
    public const double StrongScore = 0.95;

    public async Task Post(IReadOnlyCollection<JsonObject> lines)
    {
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            body.Append(line.ToJsonString()).Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}: {answer}");
        }

        using var result = JsonDocument.Parse(answer);
        var accepted = result.RootElement.GetProperty("accepted").GetInt32();
        if (accepted != lines.Count)
        {
            throw new InvalidOperationException($"POST /api/events accepted {accepted} of {lines.Count} events: {answer}");
        }
    }

    /// <summary>
    /// Starts a live room with viewers and a title, then posts two strong classifier scores in
    /// <paramref name="category"/>, so the room's alert center raises one open alert for it before this returns
    /// (ingest answers 202 only after the room grain has taken the events and raised the alert).
    /// </summary>
    public async Task<AlertingRoom> RaiseAlert(
        string region, string category, string? title = null, string? chat = null, string? reportNote = null, string? roomId = null)
    {
        roomId ??= Unique.Id("room");
        var broadcasterId = "bc-" + roomId;
        title ??= "Browser test room " + roomId;
        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var lines = new List<JsonObject> { EventLine.RoomStarted(now, region, roomId, broadcasterId, title) };
        for (var viewer = 0; viewer < 3; viewer++)
        {
            lines.Add(EventLine.ViewerJoined(now.AddMilliseconds(100 + viewer), region, roomId, $"viewer-{viewer}-{roomId}"));
        }

        if (chat is not null)
        {
            lines.Add(EventLine.Chat(now.AddMilliseconds(200), region, roomId, "chatter-" + roomId, chat));
        }

        if (reportNote is not null)
        {
            lines.Add(EventLine.Report(now.AddMilliseconds(300), region, roomId, broadcasterId, "reporter-" + roomId, category, reportNote));
        }

        lines.Add(EventLine.ModerationScore(now.AddSeconds(1), region, roomId, broadcasterId, category, StrongScore, "video"));
        lines.Add(EventLine.ModerationScore(now.AddSeconds(2), region, roomId, broadcasterId, category, StrongScore, "image"));
        await Post(lines);
        return new AlertingRoom(roomId, broadcasterId, region, category, title);
    }

    /// <summary>
    /// Makes a VIP who was engaged for four weeks go quiet and complain, so their churn risk crosses the nudge threshold
    /// (60; DefaultPolicy "churn"). Days 36..8 ago: a 30-minute session and a 1,000-coin gift each morning (23,000 coins
    /// in the last 30 days: gold tier). Then nothing for a week: spend and sessions down 100% against the 4-week baseline
    /// (25 + 20 points), 8 days without a session or a gift (about 9 + 4). Then two high complaints 7 and 6 days ago
    /// (10 + 10) and a 1/5 survey (10): about 88 in all. The history alone stays under 60, so the nudge is raised
    /// by the complaints, after the VIP belongs to <paramref name="advisorId"/>.
    /// </summary>
    public async Task DriveChurn(string userId, string region, string advisorId, AdminApi admin)
    {
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        DateTimeOffset Morning(int daysAgo) => new(today.AddDays(-daysAgo).AddHours(8), TimeSpan.Zero);

        // One early event gives the VIP its region, so the admin's assignment lands in that region's directory.
        await Post([EventLine.SessionStart(Morning(37), region, userId)]);
        await admin.AssignVip(userId, advisorId);

        var history = new List<JsonObject>();
        for (var daysAgo = 36; daysAgo >= 8; daysAgo--)
        {
            history.Add(EventLine.SessionStart(Morning(daysAgo), region, userId));
            history.Add(EventLine.Gift(Morning(daysAgo).AddMinutes(10), region, "vip-room-" + userId, "vip-bc-" + userId, userId, 1000));
            history.Add(EventLine.SessionEnd(Morning(daysAgo).AddMinutes(30), region, userId, 30));
        }

        await Post(history);
        await Post(
        [
            EventLine.Complaint(Morning(7), region, userId, "ticket-1-" + userId),
            EventLine.Complaint(Morning(6), region, userId, "ticket-2-" + userId),
            EventLine.Survey(Morning(5), region, userId, 1),
        ]);
    }
}
