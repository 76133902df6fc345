using System.Net;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Contract;

/// <summary>
/// Each bad event is rejected on its own with its line, id and "field: problem", and the good events around it are
/// still accepted: every case is sent as line 2 between two valid lines.
/// </summary>
[Collection(IngestServerCollection.Name)]
public sealed class RejectionTests(IngestServer server)
{
    public static TheoryData<string, string> MissingRequiredFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, fields) in TestEvents.RequiredFields)
        {
            foreach (var field in fields)
            {
                data.Add(type, field);
            }
        }

        foreach (var field in new[] { "type", "ts", "region" })
        {
            data.Add("chat.message", field);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MissingRequiredFields))]
    public async Task EventWithoutARequiredFieldIsRejectedNamingTheField(string type, string field)
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Valid(type, prefix + "bad").Without(field).Line();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith($"{field}: missing", rejection.Error, StringComparison.Ordinal);
        Assert.Equal(prefix + "bad", rejection.Id);
    }

    [Theory]
    [MemberData(nameof(MissingRequiredFields))]
    public async Task RequiredFieldSetToNullIsRejectedAsMissing(string type, string field)
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Valid(type, prefix + "bad").With(field, "null").Line();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith($"{field}: missing", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventWithoutIdIsRejectedWithANullId()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Valid("follow", "x").Without("id").Line();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.Null(rejection.Id);
        Assert.StartsWith("id: missing", rejection.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Envelope: ids are strings of 1-128 characters.
    [InlineData("chat.message", "id", "\"\"", "id: must be 1-128 characters, got 0")]
    [InlineData("chat.message", "id", "129 chars", "id: must be 1-128 characters, got 129")]
    [InlineData("chat.message", "id", "42", "id: must be a string, got a number")]
    [InlineData("chat.message", "roomId", "\"\"", "roomId: must be 1-128 characters, got 0")]
    [InlineData("chat.message", "roomId", "129 chars", "roomId: must be 1-128 characters, got 129")]
    [InlineData("chat.message", "roomId", "42", "roomId: must be a string, got a number")]
    [InlineData("gift.sent", "broadcasterId", "[\"bc-1\"]", "broadcasterId: must be a string, got an array")]
    [InlineData("gift.sent", "broadcasterId", "129 chars", "broadcasterId: must be 1-128 characters, got 129")]
    [InlineData("chat.message", "userId", "{\"id\":\"u\"}", "userId: must be a string, got an object")]
    [InlineData("chat.message", "userId", "true", "userId: must be a string, got a boolean")]
    [InlineData("moderation.score", "userId", "129 chars", "userId: must be 1-128 characters, got 129")]
    // Envelope: type, region.
    [InlineData("chat.message", "type", "\"chat.msg\"", "type: 'chat.msg' is not allowed; expected room.started")]
    [InlineData("chat.message", "type", "\"Chat.Message\"", "type: 'Chat.Message' is not allowed")]
    [InlineData("chat.message", "type", "7", "type: must be a string")]
    [InlineData("chat.message", "region", "\"eu\"", "region: 'eu' is not allowed; expected MENA, NA, LATAM, EU, SEA, SA or OTHER")]
    [InlineData("chat.message", "region", "\"APAC\"", "region: 'APAC' is not allowed")]
    [InlineData("chat.message", "region", "1", "region: must be a string")]
    // Envelope: ts is RFC 3339 with an offset.
    [InlineData("chat.message", "ts", "\"2026-11-22T09:59:00\"", "ts: '2026-11-22T09:59:00' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-11-22 09:59:00Z\"", "ts: '2026-11-22 09:59:00Z' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-11-22T09:59:00+0100\"", "ts: '2026-11-22T09:59:00+0100' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-11-22T09:59:00.Z\"", "ts: '2026-11-22T09:59:00.Z' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-02-30T09:59:00Z\"", "ts: '2026-02-30T09:59:00Z' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-11-22T24:00:00Z\"", "ts: '2026-11-22T24:00:00Z' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2026-11-22T09:59:00+24:00\"", "ts: '2026-11-22T09:59:00+24:00' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"1795341540\"", "ts: '1795341540' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"\"", "ts: '' is not an RFC 3339 time")]
    [InlineData("chat.message", "ts", "1795341540", "ts: must be a string holding an RFC 3339 time")]
    [InlineData("chat.message", "ts", "\"2027-01-01T00:00:00Z\"", "ts: 2027-01-01T00:00:00.0000000+00:00 is")]
    // chat.message
    [InlineData("chat.message", "text", "\"\"", "text: must be 1-2000 characters, got 0")]
    [InlineData("chat.message", "text", "2001 chars", "text: must be 1-2000 characters, got 2001")]
    [InlineData("chat.message", "text", "12", "text: must be a string, got a number")]
    [InlineData("chat.message", "lang", "\"english_us\"", "lang: 'english_us' is not a BCP 47 language tag")]
    [InlineData("chat.message", "lang", "\"\"", "lang: '' is not a BCP 47 language tag")]
    [InlineData("chat.message", "lang", "\"e\"", "lang: 'e' is not a BCP 47 language tag")]
    [InlineData("chat.message", "lang", "\"en--US\"", "lang: 'en--US' is not a BCP 47 language tag")]
    [InlineData("room.started", "lang", "\"123\"", "lang: '123' is not a BCP 47 language tag")]
    [InlineData("room.started", "title", "5", "title: must be a string, got a number")]
    // room.ended
    [InlineData("room.ended", "reason", "\"crash\"", "reason: 'crash' is not allowed; expected normal, moderator or system")]
    // gift.sent: value > 0, finite.
    [InlineData("gift.sent", "value", "0", "value: must be a number greater than 0 (platform coins), got 0")]
    [InlineData("gift.sent", "value", "-5", "value: must be a number greater than 0 (platform coins), got -5")]
    [InlineData("gift.sent", "value", "1e-400", "value: must be a number greater than 0 (platform coins), got 1e-400")]
    [InlineData("gift.sent", "value", "1e400", "value: 1e400 is not a finite number; send a number greater than 0")]
    [InlineData("gift.sent", "value", "\"10\"", "value: must be a number greater than 0 (platform coins), got a string")]
    [InlineData("gift.sent", "giftId", "\"\"", "giftId: must not be empty")]
    [InlineData("gift.sent", "giftId", "3", "giftId: must be a string, got a number")]
    // report.filed
    [InlineData("report.filed", "category", "\"porn\"", "category: 'porn' is not allowed; expected nudity, sexual, violence, self_harm, minor_safety")]
    [InlineData("report.filed", "category", "\"Nudity\"", "category: 'Nudity' is not allowed")]
    [InlineData("report.filed", "category", "\"self-harm\"", "category: 'self-harm' is not allowed")]
    [InlineData("report.filed", "note", "2001 chars", "note: must be at most 2000 characters, got 2001")]
    [InlineData("report.filed", "note", "false", "note: must be a string, got a boolean")]
    // moderation.score: score 0..1.
    [InlineData("moderation.score", "score", "-0.01", "score: must be a number between 0 and 1, got -0.01")]
    [InlineData("moderation.score", "score", "1.5", "score: must be a number between 0 and 1, got 1.5")]
    [InlineData("moderation.score", "score", "\"0.5\"", "score: must be a number between 0 and 1, got a string")]
    [InlineData("moderation.score", "score", "1e999", "score: 1e999 is not a finite number")]
    [InlineData("moderation.score", "source", "\"text\"", "source: 'text' is not allowed; expected video, audio, chat or image")]
    [InlineData("moderation.score", "category", "\"NUDITY\"", "category: 'NUDITY' is not allowed")]
    [InlineData("moderation.score", "model", "1", "model: must be a string, got a number")]
    // moderation.decision
    [InlineData("moderation.decision", "action", "\"kick\"", "action: 'kick' is not allowed; expected none, warn, mute, end_stream, suspend or ban")]
    [InlineData("moderation.decision", "action", "\"start\"", "action: 'start' is not allowed")]
    [InlineData("moderation.decision", "stage", "\"review\"", "stage: 'review' is not allowed; expected live or post")]
    [InlineData("moderation.decision", "decisionId", "\"\"", "decisionId: must not be empty")]
    [InlineData("moderation.decision", "moderatorId", "7", "moderatorId: must be a string, got a number")]
    [InlineData("moderation.decision", "roomId", "\"\"", "roomId: must be 1-128 characters, got 0")]
    // user.session
    [InlineData("user.session", "action", "\"pause\"", "action: 'pause' is not allowed; expected start or end")]
    [InlineData("user.session", "action", "\"ban\"", "action: 'ban' is not allowed; expected start or end")]
    [InlineData("user.session", "minutes", "-1", "minutes: must be a number of 0 or more, got -1")]
    [InlineData("user.session", "minutes", "\"5\"", "minutes: must be a number of 0 or more, got a string")]
    [InlineData("user.session", "minutes", "-1e500", "minutes: -1e500 is not a finite number")]
    // user.complaint, complaint.resolved
    [InlineData("user.complaint", "severity", "\"critical\"", "severity: 'critical' is not allowed; expected low, medium or high")]
    [InlineData("user.complaint", "topic", "\"\"", "topic: must not be empty")]
    [InlineData("complaint.resolved", "ticketId", "\"\"", "ticketId: must not be empty")]
    // satisfaction.survey: an integer 1..5.
    [InlineData("satisfaction.survey", "score", "0", "score: must be a whole number from 1 to 5, got 0")]
    [InlineData("satisfaction.survey", "score", "6", "score: must be a whole number from 1 to 5, got 6")]
    [InlineData("satisfaction.survey", "score", "3.5", "score: must be a whole number from 1 to 5, got 3.5")]
    [InlineData("satisfaction.survey", "score", "\"4\"", "score: must be a whole number from 1 to 5, got a string")]
    public async Task EventWithABadFieldValueIsRejectedNamingTheFieldAndTheProblem(string type, string field, string value, string expected)
    {
        var prefix = TestEvents.NewPrefix();
        var raw = value switch
        {
            "129 chars" => $"\"{new string('r', 129)}\"",
            "2001 chars" => $"\"{new string('t', 2001)}\"",
            _ => value,
        };
        var e = TestEvents.Valid(type, field == "id" ? "replaced" : prefix + "bad");
        var bad = e.With(field, raw).Line();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith(expected, rejection.Error, StringComparison.Ordinal);
        Assert.Equal(field == "id" ? null : prefix + "bad", rejection.Id);
    }

    [Theory]
    [InlineData("not json", "event: not valid JSON at byte ")]
    [InlineData("{\"id\":\"x\",", "event: not valid JSON")]
    [InlineData("{\"id\":\"x\" \"type\":\"follow\"}", "event: not valid JSON")]
    [InlineData("{'id':'x'}", "event: not valid JSON")]
    [InlineData("{\"id\":\"x\"} {\"id\":\"y\"}", "event: not valid JSON")]
    [InlineData("{\"id\":\"x\",}", "event: not valid JSON")]
    [InlineData("{\"value\": NaN}", "event: not valid JSON")]
    [InlineData("{\"value\": Infinity}", "event: not valid JSON")]
    [InlineData("{\"id\":\"x\"} // comment", "event: not valid JSON")]
    [InlineData("[{\"id\":\"x\"}]", "event: must be a JSON object, got an array")]
    [InlineData("\"chat.message\"", "event: must be a JSON object, got a string")]
    [InlineData("42", "event: must be a JSON object, got a number")]
    [InlineData("null", "event: must be a JSON object, got null")]
    [InlineData("{}", "id: missing")]
    public async Task LineThatIsNotOneJsonObjectIsRejected(string bad, string expected)
    {
        var prefix = TestEvents.NewPrefix();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith(expected, rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestingDeeperThanTheReaderAllowsRejectsOnlyThatLine()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Chat(prefix + "bad")[..^1] + ",\"deep\":" + new string('[', 5_000) + new string(']', 5_000) + "}";

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith("event: not valid JSON", rejection.Error, StringComparison.Ordinal);
        Assert.Contains("depth", rejection.Error, StringComparison.Ordinal);
        Assert.Equal(prefix + "bad", rejection.Id);
    }

    [Fact]
    public async Task EventMoreThanFiveMinutesAheadOfTheReceiversClockIsRejected()
    {
        var prefix = TestEvents.NewPrefix();
        var now = server.Clock.GetUtcNow();
        var ts = now.AddMinutes(5).AddMilliseconds(1).ToOffset(TimeSpan.FromHours(1));
        var bad = TestEvents.Valid("chat.message", prefix + "bad").With("ts", $"\"{ts:yyyy-MM-dd'T'HH:mm:ss.fffzzz}\"").Line();

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.Equal(
            $"ts: {ts:O} is 00:05:00.0010000 ahead of Vigil's clock ({now.UtcDateTime:O}); at most 00:05:00 ahead is accepted, check the producer's clock",
            rejection.Error);
    }

    [Fact]
    public async Task KnownFieldGivenTwiceRejectsTheEvent()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Chat(prefix + "bad")[..^1] + ",\"roomId\":\"room-2\"}";

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.Equal("roomId: appears more than once in the event; send each field once", rejection.Error);
        Assert.Equal(prefix + "bad", rejection.Id);
    }

    [Fact]
    public async Task FieldGivenTwiceOnceEscapedStillCountsAsTwice()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Chat(prefix + "bad")[..^1] + ",\"\\u0074ext\":\"other\"}";

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith("text: appears more than once", rejection.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public async Task LineWithInvalidUtf8IsRejected(byte[] invalid)
    {
        var prefix = TestEvents.NewPrefix();
        var line = TestEvents.Chat(prefix + "bad");
        var at = line.IndexOf("hello", StringComparison.Ordinal);
        var bad = Encoding.UTF8.GetBytes(line[..at]).Concat(invalid).Concat(Encoding.UTF8.GetBytes(line[at..])).ToArray();

        var reply = await PostAsync(prefix, bad);

        var rejection = Assert.Single(reply.Rejected);
        Assert.Equal(2, rejection.Line);
        Assert.Matches("^event: byte [0-9]+ is not valid UTF-8; send UTF-8 only$", rejection.Error);
        Assert.Equal(2, reply.Accepted);
    }

    [Fact]
    public async Task InvalidUtf8InAnUnknownFieldStillRejectsTheLine()
    {
        var prefix = TestEvents.NewPrefix();
        var line = Encoding.UTF8.GetBytes(TestEvents.Chat(prefix + "bad")[..^1] + ",\"extra\":\"");
        var bad = line.Concat(new byte[] { 0xFE, (byte)'"', (byte)'}' }).ToArray();

        var reply = await PostAsync(prefix, bad);

        Assert.StartsWith("event: byte", Assert.Single(reply.Rejected).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpairedSurrogateEscapeIsRejected()
    {
        var prefix = TestEvents.NewPrefix();
        var bad = TestEvents.Valid("chat.message", prefix + "bad").Line().Replace("hello", "\\ud800x", StringComparison.Ordinal);

        var rejection = await PostBetweenGoodLinesAsync(prefix, bad);

        Assert.StartsWith("text: contains a \\u escape that is not valid Unicode", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadLineOfARequestIsReportedWithItsOwnLineNumber()
    {
        var prefix = TestEvents.NewPrefix();
        var lines = new[]
        {
            TestEvents.Chat(prefix + "1"),
            TestEvents.Valid("gift.sent", prefix + "2").With("value", "0").Line(),
            TestEvents.Chat(prefix + "3"),
            "",
            "garbage",
            TestEvents.Valid("follow", prefix + "6").With("region", "\"MARS\"").Line(),
            TestEvents.Chat(prefix + "7"),
        };

        var reply = await server.PostLinesAsync(lines);

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(3, reply.Accepted);
        Assert.Equal([2, 5, 6], reply.Rejected.Select(r => r.Line));
        Assert.Equal([prefix + "2", null, prefix + "6"], reply.Rejected.Select(r => r.Id));
        Assert.Equal([prefix + "1", prefix + "3", prefix + "7"], server.Sink.DeliveredWithPrefix(prefix).Select(e => e.Id));
    }

    [Fact]
    public async Task RejectedEventIdCanBeSentAgainCorrected()
    {
        var prefix = TestEvents.NewPrefix();
        await server.PostLinesAsync(TestEvents.Valid("gift.sent", prefix + "1").With("value", "-1").Line());

        var retry = await server.PostLinesAsync(TestEvents.Valid("gift.sent", prefix + "1").Line());

        Assert.Equal(1, retry.Accepted);
        Assert.Equal(0, retry.Duplicates);
    }

    private async Task<IngestReply.Rejection> PostBetweenGoodLinesAsync(string prefix, string bad)
    {
        var reply = await PostAsync(prefix, Encoding.UTF8.GetBytes(bad));
        var rejection = Assert.Single(reply.Rejected);
        Assert.Equal(2, rejection.Line);
        Assert.Equal(2, reply.Accepted);
        return rejection;
    }

    private async Task<IngestReply> PostAsync(string prefix, byte[] bad)
    {
        var body = Encoding.UTF8.GetBytes(TestEvents.Chat(prefix + "before") + "\n")
            .Concat(bad)
            .Concat(Encoding.UTF8.GetBytes("\n" + TestEvents.Chat(prefix + "after") + "\n"))
            .ToArray();
        var reply = await server.PostAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal([prefix + "before", prefix + "after"], server.Sink.DeliveredWithPrefix(prefix).Select(e => e.Id));
        return reply;
    }
}
