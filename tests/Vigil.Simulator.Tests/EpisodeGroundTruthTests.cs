using Vigil.Simulator.Tests.Support;
using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Tests;

[Collection(GeneratedTrafficCollection.Name)]
public sealed class EpisodeGroundTruthTests
{
    private readonly GeneratedTrafficFixture traffic;

    public EpisodeGroundTruthTests(GeneratedTrafficFixture traffic) => this.traffic = traffic;

    [Theory]
    [InlineData("minor_safety")]
    [InlineData("self_harm")]
    [InlineData("violence")]
    public void EveryRunOpensWithAStrongP1EpisodeOf(string category)
    {
        var episodes = traffic.Truth.Episodes.Where(e => e.Category == category && e.Severity == "P1").ToList();

        Assert.Contains(episodes, e => e.Strength == "strong" && e.Complete && e.Start < TestTraffic.Start.AddMinutes(2));
        Assert.All(episodes, e => Assert.True(e.PeakScore >= 0.9 && e.Reports >= 6, $"{e.Id}: peak {e.PeakScore}, {e.Reports} reports is not strong evidence."));
    }

    [Fact]
    public void EveryEpisodeInTheTruthHasItsScoresAndReportsInItsRoomCategoryAndWindow()
    {
        var episodes = traffic.Truth.Episodes.ToList();

        Assert.True(episodes.Count >= 5, $"Only {episodes.Count} episodes in 40 minutes of 100 rooms.");
        foreach (var episode in episodes)
        {
            var evidence = EvidenceOf(episode).ToList();
            var scores = evidence.Where(e => e.Type == "moderation.score").ToList();
            var reports = evidence.Count(e => e.Type == "report.filed");

            Assert.True(episode.ScoreEvents > 0, $"{episode.Id} has no scores in the truth.");
            Assert.True(scores.Count >= episode.ScoreEvents, $"{episode.Id}: truth says {episode.ScoreEvents} scores, the stream has {scores.Count}.");
            Assert.True(reports >= episode.Reports, $"{episode.Id}: truth says {episode.Reports} reports, the stream has {reports}.");
            Assert.Equal(episode.PeakScore, scores.Max(e => e.Score!.Value));
            Assert.All(scores.Where(e => e.Score >= 0.5), e => Assert.Contains(e.Source!, episode.Sources));
        }
    }

    [Fact]
    public void EpisodeScoresEscalateOverTheEpisode()
    {
        foreach (var episode in traffic.Truth.Episodes.Where(e => e.Complete && e.Strength != "weak"))
        {
            var scores = EvidenceOf(episode).Where(e => e.Type == "moderation.score" && e.Score >= 0.3).OrderBy(e => e.Ts).Select(e => e.Score!.Value).ToList();
            var firstQuarter = scores.Take(scores.Count / 4).Average();
            var lastQuarter = scores.Skip(scores.Count * 3 / 4).Average();

            Assert.True(lastQuarter > firstQuarter + 0.2, $"{episode.Id}: scores went from {firstQuarter:F2} to {lastQuarter:F2}.");
        }
    }

    [Fact]
    public void SeverityFollowsTheContractForStrongEvidenceOfHarmToPeople()
    {
        var critical = new[] { "minor_safety", "self_harm", "violence" };

        Assert.All(traffic.Truth.Episodes, e =>
            Assert.Equal(critical.Contains(e.Category) && e.Strength == "strong", e.Severity == "P1"));
        Assert.Contains(traffic.Truth.Episodes, e => e.Severity != "P1");
    }

    [Fact]
    public void DecoysAreSingleEventsInRoomsWithoutAnEpisode()
    {
        var episodeRooms = traffic.Truth.Episodes.Select(e => e.RoomId).ToHashSet();
        var decoys = traffic.Truth.Decoys.ToList();

        Assert.NotEmpty(decoys);
        Assert.Contains(decoys, d => d.Signal == NoiseTruth.LoneHighScore);
        Assert.Contains(decoys, d => d.Signal == NoiseTruth.LoneReport);
        foreach (var decoy in decoys)
        {
            var type = decoy.Signal == NoiseTruth.LoneHighScore ? "moderation.score" : "report.filed";
            Assert.Single(traffic.Events, e => e.Type == type && e.RoomId == decoy.RoomId && e.Category == decoy.Category && e.Ts == decoy.Ts);
            Assert.DoesNotContain(decoy.RoomId, episodeRooms);
        }
    }

    [Fact]
    public void LiveDecisionsFollowTheirEpisodesWhileTheRoomIsLive()
    {
        var live = traffic.Truth.Episodes.Where(e => e.DecisionStage == "live" && e.End < traffic.End - TimeSpan.FromMinutes(3)).ToList();

        Assert.NotEmpty(live);
        foreach (var episode in live)
        {
            var decision = Assert.Single(traffic.Events, e => e.Type == "moderation.decision" && e.RoomId == episode.RoomId);
            Assert.Equal((episode.DecisionAction, "live", episode.Category), (decision.Action, decision.Stage, decision.Category));
            Assert.True(decision.Ts > episode.End);
            if (decision.Action is "end_stream" or "suspend" or "ban")
            {
                Assert.Single(traffic.Events, e => e.Type == "room.ended" && e.RoomId == episode.RoomId && e.Ts > decision.Ts);
            }
        }
    }

    private IEnumerable<WireEvent> EvidenceOf(EpisodeTruth episode) =>
        traffic.Events.Where(e => e.RoomId == episode.RoomId && e.Category == episode.Category && e.Ts >= episode.Start && e.Ts <= episode.End);
}
