using Vigil.Simulator.Tests.Support;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Tests;

public sealed class GeneratorDeterminismTests
{
    [Fact]
    public void SameSeedAndStartGiveTheSameEventsByteForByte()
    {
        var firstTruth = new ListTruthSink();
        var secondTruth = new ListTruthSink();

        var first = TestTraffic.Generate(TestTraffic.Options(seed: 42), TestTraffic.Start, firstTruth, count: 40_000);
        var second = TestTraffic.Generate(TestTraffic.Options(seed: 42), TestTraffic.Start, secondTruth, count: 40_000);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.True(first[i].AsSpan().SequenceEqual(second[i]), $"Line {i + 1} differs between two runs of seed 42.");
        }

        Assert.Equal(firstTruth.Records.Select(GroundTruthWriter.Serialize), secondTruth.Records.Select(GroundTruthWriter.Serialize));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentTrafficWithDisjointIds()
    {
        var first = TestTraffic.Generate(TestTraffic.Options(seed: 1), TestTraffic.Start, count: 5_000).Select(WireEvent.Parse).ToList();
        var second = TestTraffic.Generate(TestTraffic.Options(seed: 2), TestTraffic.Start, count: 5_000).Select(WireEvent.Parse).ToList();

        Assert.NotEqual(first.Select(e => e.Type + e.RoomId + e.UserId), second.Select(e => e.Type + e.RoomId + e.UserId));
        Assert.Empty(first.Select(e => e.Id).Intersect(second.Select(e => e.Id)));
    }

    [Fact]
    public void SameSeedWithAnotherStartGetsNewIdsSoTheReceiverDoesNotDropThemAsDuplicates()
    {
        var first = TestTraffic.Generate(TestTraffic.Options(seed: 5), TestTraffic.Start, count: 2_000).Select(WireEvent.Parse);
        var later = TestTraffic.Generate(TestTraffic.Options(seed: 5), TestTraffic.Start.AddHours(1), count: 2_000).Select(WireEvent.Parse);

        Assert.Empty(first.Select(e => e.Id).Intersect(later.Select(e => e.Id)));
    }
}
