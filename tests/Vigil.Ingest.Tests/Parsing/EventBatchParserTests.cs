using System.Text;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Parsing;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Parsing;

public sealed class EventBatchParserTests
{
    private static readonly DateTimeOffset Now = IngestServer.Now;

    [Fact]
    public void NdJsonBodyIsParsedWithoutAServer()
    {
        var body = Encoding.UTF8.GetBytes(TestEvents.Chat("a") + "\n\n" + "{}" + "\n" + TestEvents.Chat("b") + "\n");

        var batch = EventBatchParser.Parse(body, ContentKind.NdJson, Now);

        Assert.Equal(ParseOutcome.Parsed, batch.Outcome);
        Assert.Equal(["a", "b"], batch.Events.Select(e => e.Id));
        Assert.Equal(3, Assert.Single(batch.Rejections).Line);
        Assert.Equal(3, batch.ItemCount);
    }

    [Fact]
    public void JsonArrayBodyIsParsedWithoutAServer()
    {
        var body = Encoding.UTF8.GetBytes("[" + TestEvents.Chat("a") + ",true]");

        var batch = EventBatchParser.Parse(body, ContentKind.JsonArray, Now);

        Assert.Equal(["a"], batch.Events.Select(e => e.Id));
        Assert.Equal((2, null), (batch.Rejections[0].Line, batch.Rejections[0].Id));
    }

    [Fact]
    public void BodyOverTheEventLimitIsRefusedWithoutEvents()
    {
        var body = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 4).Select(i => TestEvents.Chat("e" + i))));

        var batch = EventBatchParser.Parse(body, ContentKind.NdJson, Now, new EventParseLimits(3, TimeSpan.FromMinutes(5)));

        Assert.Equal(ParseOutcome.TooManyEvents, batch.Outcome);
        Assert.Empty(batch.Events);
        Assert.Empty(batch.Rejections);
    }

    [Fact]
    public void FutureSkewLimitIsTheOneGiven()
    {
        var body = Encoding.UTF8.GetBytes(TestEvents.Chat("a", Now.AddMinutes(2)));

        var batch = EventBatchParser.Parse(body, ContentKind.NdJson, Now, new EventParseLimits(10, TimeSpan.FromMinutes(1)));

        Assert.StartsWith("ts:", Assert.Single(batch.Rejections).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedIdsAndLanguageTagsShareOneStringAcrossEvents()
    {
        var body = Encoding.UTF8.GetBytes(TestEvents.Chat("a") + "\n" + TestEvents.Chat("b"));

        var events = EventBatchParser.Parse(body, ContentKind.NdJson, Now).Events;

        Assert.Same(events[0].RoomId, events[1].RoomId);
        Assert.Same(events[0].UserId, events[1].UserId);
        Assert.Same(events[0].Lang, events[1].Lang);
    }

    [Fact]
    public void ParsingAllocatesLittleMoreThanTheEventsItKeeps()
    {
        var body = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 10_000).Select(i => TestEvents.Chat("evt-" + i))));
        EventBatchParser.Parse(body, ContentKind.NdJson, Now);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var batch = EventBatchParser.Parse(body, ContentKind.NdJson, Now);
        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / batch.Events.Count;

        // One LiveEvent (about 300 bytes), its id and its text; no per-field strings for enums, times or repeated ids.
        Assert.Equal(10_000, batch.Events.Count);
        Assert.InRange(perEvent, 1, 600);
    }

    [Theory]
    [InlineData("2026-11-22T10:00:00Z", "2026-11-22T10:00:00.0000000+00:00")]
    [InlineData("2026-11-22T10:00:00.1234567891Z", "2026-11-22T10:00:00.1234567+00:00")]
    [InlineData("2026-11-22t10:00:00.5z", "2026-11-22T10:00:00.5000000+00:00")]
    [InlineData("2026-11-22T13:30:00+03:30", "2026-11-22T13:30:00.0000000+03:30")]
    [InlineData("2026-11-22T10:00:00-00:00", "2026-11-22T10:00:00.0000000+00:00")]
    [InlineData("2026-11-23T09:00:00+23:00", "2026-11-22T10:00:00.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.9999999+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    public void RfcThreeThreeThreeNineTimesAreReadAsTheSameInstant(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value.ToString("O"));
    }

    [Theory]
    [InlineData("2026-11-22T10:00:00")]
    [InlineData("2026-11-22T10:00Z")]
    [InlineData("2026-11-22 10:00:00Z")]
    [InlineData("2026-11-22T10:00:00+01")]
    [InlineData("2026-11-22T10:00:00+01:60")]
    [InlineData("2026-11-22T10:00:00.Z")]
    [InlineData("2026-11-22T10:00:61Z")]
    [InlineData("2026-11-31T10:00:00Z")]
    [InlineData("2025-02-29T10:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2026-11-22T10:00:00ZZ")]
    [InlineData("+2026-11-22T10:00:00Z")]
    [InlineData("２０２６-11-22T10:00:00Z")]
    public void TimesThatAreNotRfcThreeThreeThreeNineWithAnOffsetAreRefused(string text) =>
        Assert.False(Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("ar", true)]
    [InlineData("en", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("es-419", true)]
    [InlineData("x-private", true)]
    [InlineData("", false)]
    [InlineData("e", false)]
    [InlineData("en_US", false)]
    [InlineData("en-", false)]
    [InlineData("-en", false)]
    [InlineData("englishlanguage", false)]
    [InlineData("123", false)]
    [InlineData("en-abcdefghi", false)]
    public void LanguageTagsFollowBcp47Syntax(string tag, bool valid) =>
        Assert.Equal(valid, LanguageTag.IsValid(Encoding.UTF8.GetBytes(tag)));

    [Fact]
    public void EveryTypeAndEnumWireNameOfTheContractIsKnown()
    {
        Assert.Equal(TestEvents.Types.Order(), EventNames.TypeNames.Order());
        Assert.True(WireEnums.Categories.TryParse("minor_safety"u8, out var category) && category == Category.MinorSafety);
        Assert.True(WireEnums.ModerationActions.TryParse("end_stream"u8, out var action) && action == ModerationAction.EndStream);
        Assert.Equal("MENA, NA, LATAM, EU, SEA, SA or OTHER", WireEnums.Regions.Expected);
    }
}
