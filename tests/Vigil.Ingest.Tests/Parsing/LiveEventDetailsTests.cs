using System.Text;
using System.Text.Json;
using Vigil.Grains.Contracts.Events;
using Vigil.Ingest.Parsing;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Parsing;

/// <summary>The rarer types' fields live in <see cref="LiveEvent.Details"/>, which the frequent types never allocate.</summary>
public sealed class LiveEventDetailsTests
{
    [Theory]
    [InlineData("viewer.joined")]
    [InlineData("viewer.left")]
    [InlineData("chat.message")]
    [InlineData("gift.sent")]
    [InlineData("follow")]
    public void AFrequentTypeCarriesNoDetails(string type) =>
        Assert.Null(Parse(TestEvents.Valid(type, "e1").With("lang", "\"ar\"").Line()).Details);

    [Fact]
    public void ARarerTypesFieldsReadAsTheEventsOwn()
    {
        var e = Parse(TestEvents.Valid("moderation.score", "e1").With("category", "\"minor_safety\"").With("score", "0.97").With("model", "\"m-7\"").Line());

        Assert.NotNull(e.Details);
        Assert.Equal(Category.MinorSafety, e.Category);
        Assert.Equal(0.97, e.Score);
        Assert.Equal("m-7", e.Model);
        Assert.Null(e.Title);
    }

    [Fact]
    public void WithChangesTheCopysDetailsAndLeavesTheOriginals()
    {
        var original = Parse(TestEvents.Valid("moderation.score", "e1").With("score", "0.4").Line());
        var plain = Parse(TestEvents.Valid("chat.message", "e2").Line());

        var changed = original with { Score = 0.9 };
        var titled = plain with { Title = "now titled" };
        var stillPlain = plain with { Title = null };

        Assert.Equal(0.4, original.Score);
        Assert.Equal(0.9, changed.Score);
        Assert.Equal(original.Category, changed.Category);
        Assert.Null(plain.Details);
        Assert.Equal("now titled", titled.Title);
        Assert.Null(stillPlain.Details);
        Assert.Equal(plain, stillPlain);
    }

    [Theory]
    [InlineData("moderation.decision")]
    [InlineData("user.complaint")]
    [InlineData("chat.message")]
    public void JsonRoundTripKeepsEveryField(string type)
    {
        // Grain calls between silos carry events as JSON (GrainCallMessageCodec).
        var e = Parse(TestEvents.Valid(type, "e1").Line());

        var json = JsonSerializer.Serialize(e);
        var back = JsonSerializer.Deserialize<LiveEvent>(json)!;

        Assert.Equal(e, back);
        Assert.DoesNotContain("\"Details\"", json, StringComparison.Ordinal);
    }

    private static LiveEvent Parse(string line) =>
        Assert.Single(EventBatchParser.Parse(Encoding.UTF8.GetBytes(line), ContentKind.NdJson, IngestServer.Now).Events);
}
