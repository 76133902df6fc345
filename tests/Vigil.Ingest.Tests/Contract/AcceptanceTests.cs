using System.Net;
using System.Text;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

[Collection(IngestServerCollection.Name)]
public sealed class AcceptanceTests(IngestServer server)
{
    public static TheoryData<string> Types() => [.. TestEvents.Types];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ValidEventOfEveryTypeIsAcceptedAndDeliveredOnce(string type)
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostLinesAsync(TestEvents.Valid(type, prefix + "1").Line());

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(1, reply.Accepted);
        Assert.Equal(0, reply.Duplicates);
        Assert.Empty(reply.Rejected);
        var delivered = Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
        Assert.Equal(type, EventNames.Name(delivered.Type));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task EventWithOnlyItsRequiredFieldsIsAccepted(string type)
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid(type, prefix + "1");
        foreach (var field in e.Select(p => p.Key).ToList())
        {
            if (field is not ("id" or "type" or "ts" or "region") && !TestEvents.RequiredFields[type].Contains(field))
            {
                e.Remove(field);
            }
        }

        var reply = await server.PostLinesAsync(e.Line());

        Assert.Equal(1, reply.Accepted);
    }

    [Fact]
    public async Task DeliveredEventsCarryEveryFieldAsSent()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = TestEvents.Types.Select((type, i) => TestEvents.Valid(type, prefix + i).Line()).ToArray();

        await server.PostLinesAsync(lines);

        var events = server.Sink.DeliveredWithPrefix(prefix).ToDictionary(e => e.Type);
        var ts = new DateTimeOffset(2026, 11, 22, 9, 59, 0, TimeSpan.Zero);
        Assert.All(events.Values, e => Assert.Equal(ts, e.Timestamp));
        Assert.All(events.Values, e => Assert.Equal(Region.MENA, e.Region));
        Assert.Equal(("room-1", "bc-1", "Evening music", "ar"), (events[EventType.RoomStarted].RoomId, events[EventType.RoomStarted].BroadcasterId, events[EventType.RoomStarted].Title, events[EventType.RoomStarted].Lang));
        Assert.Equal(RoomEndReason.Moderator, events[EventType.RoomEnded].EndReason);
        Assert.Equal(("user-1", "مرحبا hello", "ar"), (events[EventType.ChatMessage].UserId, events[EventType.ChatMessage].Text, events[EventType.ChatMessage].Lang));
        Assert.Equal(("rose", 12.5), (events[EventType.GiftSent].GiftId, events[EventType.GiftSent].Value));
        Assert.Equal((Category.MinorSafety, "looks under age"), (events[EventType.ReportFiled].Category, events[EventType.ReportFiled].Note));
        var score = events[EventType.ModerationScore];
        Assert.Equal((Category.Nudity, 0.93, ScoreSource.Video, "nsfw-v3"), (score.Category, score.Score, score.Source, score.Model));
        var decision = events[EventType.ModerationDecision];
        Assert.Equal(("dec-1", "mod-1", ModerationAction.EndStream, Category.SelfHarm, DecisionStage.Live, "room-1"), (decision.DecisionId, decision.ModeratorId, decision.Action, decision.Category, decision.Stage, decision.RoomId));
        Assert.Equal((SessionAction.End, 42.5), (events[EventType.UserSession].SessionAction, events[EventType.UserSession].Minutes));
        var complaint = events[EventType.UserComplaint];
        Assert.Equal(("tk-1", "payment", ComplaintSeverity.High), (complaint.TicketId, complaint.Topic, complaint.Severity));
        Assert.Equal("tk-1", events[EventType.ComplaintResolved].TicketId);
        Assert.Equal(4, events[EventType.SatisfactionSurvey].SurveyScore);
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("gift.sent", prefix + "1")
            .With("currency", "\"USD\"")
            .With("meta", "{\"nested\":[1,2,{\"deep\":null}],\"value\":\"not the gift value\"}")
            .With("ID", "\"upper-case is another field\"")
            .With("flags", "[true,false]");

        var reply = await server.PostLinesAsync(e.Line());

        Assert.Equal(1, reply.Accepted);
        var delivered = Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
        Assert.Equal(12.5, delivered.Value);
    }

    [Fact]
    public async Task FieldsOfOtherTypesAreIgnoredLikeUnknownOnes()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("follow", prefix + "1").With("score", "\"high\"").With("text", "42").With("severity", "\"???\"");

        var reply = await server.PostLinesAsync(e.Line());

        Assert.Equal(1, reply.Accepted);
        var delivered = Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
        Assert.Null(delivered.Text);
    }

    [Fact]
    public async Task OptionalFieldsSetToNullAreAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("chat.message", prefix + "1").With("lang", "null").With("broadcasterId", "null");

        var reply = await server.PostLinesAsync(e.Line());

        Assert.Equal(1, reply.Accepted);
        Assert.Null(Assert.Single(server.Sink.DeliveredWithPrefix(prefix)).Lang);
    }

    [Fact]
    public async Task OptionalEnvelopeIdsOnOtherTypesAreKept()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("moderation.score", prefix + "1").With("userId", "\"user-9\"");

        await server.PostLinesAsync(e.Line());

        Assert.Equal("user-9", Assert.Single(server.Sink.DeliveredWithPrefix(prefix)).UserId);
    }

    [Fact]
    public async Task MinutesOnASessionStartIsValidatedButNotKept()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("user.session", prefix + "1").With("action", "\"start\"");

        await server.PostLinesAsync(e.Line());

        var delivered = Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
        Assert.Equal((SessionAction.Start, (double?)null), (delivered.SessionAction, delivered.Minutes));
    }

    [Theory]
    [InlineData("2026-11-22T09:59:00Z")]
    [InlineData("2026-11-22t09:59:00z")]
    [InlineData("2026-11-22T09:59:00.1Z")]
    [InlineData("2026-11-22T09:59:00.123456789Z")]
    [InlineData("2026-11-22T13:29:00+03:30")]
    [InlineData("2026-11-22T04:59:00-05:00")]
    [InlineData("2026-11-22T09:59:00-00:00")]
    [InlineData("2026-11-23T08:59:00+23:00")]
    [InlineData("2026-11-22T10:05:00Z")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2020-02-29T00:00:00Z")]
    public async Task RfcThreeThreeThreeNineTimesWithAnOffsetAreAccepted(string ts)
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("viewer.joined", prefix + "1").With("ts", $"\"{ts}\"");

        var reply = await server.PostLinesAsync(e.Line());

        Assert.Equal(1, reply.Accepted);
    }

    [Fact]
    public async Task TimeWithAnOffsetKeepsTheInstantAndTheOffset()
    {
        var prefix = TestEvents.NewPrefix();
        var e = TestEvents.Valid("viewer.joined", prefix + "1").With("ts", "\"2026-11-22T13:29:00.125+03:30\"");

        await server.PostLinesAsync(e.Line());

        var ts = Assert.Single(server.Sink.DeliveredWithPrefix(prefix)).Timestamp;
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 59, 0, 125, TimeSpan.Zero), ts);
        Assert.Equal(TimeSpan.FromHours(3.5), ts.Offset);
    }

    [Fact]
    public async Task EventExactlyFiveMinutesAheadOfTheClockIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostLinesAsync(TestEvents.Chat(prefix + "1", server.Clock.GetUtcNow().AddMinutes(5)));

        Assert.Equal(1, reply.Accepted);
    }

    [Fact]
    public async Task FutureLimitFollowsTheReceiversClock()
    {
        var prefix = TestEvents.NewPrefix();
        var ts = server.Clock.GetUtcNow().AddMinutes(6);
        var early = await server.PostLinesAsync(TestEvents.Chat(prefix + "1", ts));

        server.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await server.PostLinesAsync(TestEvents.Chat(prefix + "1", ts));

        Assert.StartsWith("ts:", Assert.Single(early.Rejected).Error, StringComparison.Ordinal);
        Assert.Equal(1, later.Accepted);
    }

    [Fact]
    public async Task OutOfOrderAndLateEventsAreAcceptedInRequestOrder()
    {
        var prefix = TestEvents.NewPrefix();
        var now = server.Clock.GetUtcNow();
        var lines = new[]
        {
            TestEvents.Chat(prefix + "1", now.AddMinutes(-1)),
            TestEvents.Chat(prefix + "2", now.AddHours(-20)),
            TestEvents.Chat(prefix + "3", now.AddMinutes(-30)),
            TestEvents.Chat(prefix + "4", now.AddDays(-30)),
        };

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(4, reply.Accepted);
        Assert.Equal([prefix + "1", prefix + "2", prefix + "3", prefix + "4"], server.Sink.DeliveredWithPrefix(prefix).Select(e => e.Id));
    }

    [Fact]
    public async Task BlankLinesAreSkippedAndLineNumbersStayPhysical()
    {
        var prefix = TestEvents.NewPrefix();
        var body = "\n  \n" + TestEvents.Chat(prefix + "1") + "\r\n\t\r\n" + "oops" + "\n\n";

        var reply = await server.PostAsync(body);

        Assert.Equal(1, reply.Accepted);
        Assert.Equal(5, Assert.Single(reply.Rejected).Line);
    }

    [Fact]
    public async Task CrLfLineEndingsAndATrailingNewlineAreAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var body = TestEvents.Chat(prefix + "1") + "\r\n" + TestEvents.Chat(prefix + "2") + "\r\n";

        var reply = await server.PostAsync(body);

        Assert.Equal((2, 0), (reply.Accepted, reply.Rejected.Count));
    }

    [Fact]
    public async Task EmptyBodyIsAcceptedWithNothingInIt()
    {
        var reply = await server.PostAsync("");

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal((0, 0, 0), (reply.Accepted, reply.Duplicates, reply.Rejected.Count));
    }

    [Fact]
    public async Task ByteOrderMarkAtTheStartIsSkipped()
    {
        var prefix = TestEvents.NewPrefix();
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(TestEvents.Chat(prefix + "1"))).ToArray();

        var reply = await server.PostAsync(body);

        Assert.Equal(1, reply.Accepted);
    }

    [Fact]
    public async Task EscapedPropertyNamesAndValuesAreRead()
    {
        var prefix = TestEvents.NewPrefix();
        var line = $$"""{"\u0069d":"{{prefix}}1","type":"chat.\u006dessage","ts":"2026-11-22T09:59:00\u005A","region":"\u0045U","roomId":"r\u00f6om","userId":"u","text":"a\nb \ud83d\ude00"}""";

        var reply = await server.PostLinesAsync(line);

        Assert.Equal(1, reply.Accepted);
        var delivered = Assert.Single(server.Sink.DeliveredWithPrefix(prefix));
        Assert.Equal(("röom", "a\nb 😀", Region.EU), (delivered.RoomId, delivered.Text, delivered.Region));
    }

    [Fact]
    public async Task TextLengthCountsCharactersNotBytesOrUtf16Units()
    {
        var prefix = TestEvents.NewPrefix();
        var emoji = string.Concat(Enumerable.Repeat("😀", 2000));
        var lines = new[]
        {
            ChatWithRawText(prefix + "1", emoji),
            ChatWithRawText(prefix + "2", new string('م', 2000)),
            ChatWithRawText(prefix + "3", emoji + "😀"),
            TestEvents.Valid("chat.message", prefix + "4").With("text", $"\"{emoji}\"").Line(),
        };

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(3, reply.Accepted);
        Assert.Equal("text: must be 1-2000 characters, got 2001", Assert.Single(reply.Rejected).Error);
    }

    [Fact]
    public async Task EscapedTextFarOverTheLimitIsRejectedWithoutCountingIt()
    {
        var prefix = TestEvents.NewPrefix();
        var escaped = string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 2001));

        var reply = await server.PostLinesAsync(ChatWithRawText(prefix + "1", escaped));

        Assert.Equal("text: must be 1-2000 characters, got more than 2000", Assert.Single(reply.Rejected).Error);
    }

    [Fact]
    public async Task IdOf128CharactersIsAccepted()
    {
        var prefix = TestEvents.NewPrefix();
        var id = prefix + new string('x', 128 - prefix.Length);

        var reply = await server.PostLinesAsync(TestEvents.Chat(id));

        Assert.Equal(1, reply.Accepted);
    }

    [Fact]
    public async Task ResponseIsCamelCaseJsonWithTheContractsFields()
    {
        var prefix = TestEvents.NewPrefix();

        var reply = await server.PostLinesAsync(TestEvents.Chat(prefix + "1"), "{}");

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(["accepted", "duplicates", "rejected"], reply.Json.EnumerateObject().Select(p => p.Name));
        var rejection = reply.Json.GetProperty("rejected")[0];
        Assert.Equal(["line", "id", "error"], rejection.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rejection.GetProperty("id").ValueKind);
    }

    /// <summary>A chat line whose text is written into the JSON exactly as given (no escaping by a serializer).</summary>
    private static string ChatWithRawText(string id, string rawText) =>
        TestEvents.Valid("chat.message", id).With("text", "\"x\"").Line().Replace("\"text\":\"x\"", $"\"text\":\"{rawText}\"", StringComparison.Ordinal);
}
