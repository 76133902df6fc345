using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>Snapshot and resume: a consistent starting point, and nothing missed after a gap.</summary>
public sealed class LiveSyncTests : IDisposable
{
    private readonly LiveHarness _live = new(ringCapacity: 16);

    public void Dispose() => _live.Dispose();

    [Fact]
    public async Task AChangeLandingWhileTheSnapshotIsReadIsPushedAfterIt()
    {
        var (connection, client) = _live.Connect(LiveFixtures.Operator());
        _live.Grains.Alerts["MENA"] = [LiveFixtures.Alert("MENA-1")];
        _live.Grains.DuringAlertRead = () =>
        {
            _live.Grains.DuringAlertRead = null;
            _live.Publish(LiveFixtures.AlertChange("MENA-1", version: 2));
        };

        var snapshot = await _live.Sync.Snapshot(connection);
        _live.Advance(50);

        Assert.Equal(1, Assert.Single(snapshot.Alerts).Version);
        var batch = Assert.Single(client.Batches);
        Assert.Equal(snapshot.Sequence, batch.After);
        Assert.Equal(2, Assert.Single(batch.Items).Alert!.Version);
    }

    [Fact]
    public async Task AClientThatMissedBatchesResumesWithExactlyTheMissedItems()
    {
        var (connection, client) = _live.Connect(LiveFixtures.Operator());
        var snapshot = await _live.Sync.Snapshot(connection);
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Advance(50);
        var lastKnown = client.Batches.Last().Sequence;

        _live.Publish(LiveFixtures.AlertChange("MENA-2"));
        _live.Publish(LiveFixtures.AlertChange("MENA-1", version: 2));
        _live.Publish(LiveFixtures.AlertChange("EU-3"));
        var resume = await _live.Sync.Resume(connection, lastKnown);

        Assert.True(lastKnown > snapshot.Sequence);
        Assert.Null(resume.Snapshot);
        Assert.Equal(_live.Sequencer.Current, resume.Sequence);
        Assert.Equal(["MENA-2", "MENA-1/2", "EU-3"], resume.Items!.Select(i => i.Alert!.Version == 1 ? i.Alert.Id : $"{i.Alert.Id}/{i.Alert.Version}"));
    }

    [Fact]
    public async Task AfterAResumeBatchesContinueFromTheResumedSequenceWithoutRepeats()
    {
        var (connection, client) = _live.Connect(LiveFixtures.Operator());
        var snapshot = await _live.Sync.Snapshot(connection);
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));

        var resume = await _live.Sync.Resume(connection, snapshot.Sequence);
        var after = _live.Publish(LiveFixtures.AlertChange("MENA-2"));
        _live.Advance(50);

        Assert.Equal("MENA-1", Assert.Single(resume.Items!).Alert!.Id);
        var batch = Assert.Single(client.Batches);
        Assert.Equal(resume.Sequence, batch.After);
        Assert.Equal(after.Seq, Assert.Single(batch.Items).Seq);
    }

    [Fact]
    public async Task AResumeFromBeyondTheRingGetsAFreshSnapshot()
    {
        _live.Grains.Alerts["NA"] = [LiveFixtures.Alert("NA-5", version: 9)];
        var (connection, _) = _live.Connect(LiveFixtures.Operator());
        var snapshot = await _live.Sync.Snapshot(connection);

        for (var i = 0; i < _live.Options.RingCapacity + 1; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"NA-{i}"));
        }

        var resume = await _live.Sync.Resume(connection, snapshot.Sequence);

        Assert.Null(resume.Items);
        Assert.NotNull(resume.Snapshot);
        Assert.Equal(_live.Sequencer.Current, resume.Sequence);
        Assert.Equal(resume.Sequence, resume.Snapshot.Sequence);
        Assert.Equal(9, Assert.Single(resume.Snapshot.Alerts).Version);
        Assert.Contains("resume_snapshot", _live.Resyncs);
    }

    [Fact]
    public async Task AResumeFromTheLastItemTheRingStillHoldsReturnsItems()
    {
        var (connection, _) = _live.Connect(LiveFixtures.Operator());
        var snapshot = await _live.Sync.Snapshot(connection);

        for (var i = 0; i < _live.Options.RingCapacity; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"NA-{i}"));
        }

        var resume = await _live.Sync.Resume(connection, snapshot.Sequence);

        Assert.Equal(_live.Options.RingCapacity, resume.Items!.Count);
    }

    [Fact]
    public async Task AResumeFromASequenceThisServerNeverIssuedGetsASnapshot()
    {
        var (connection, _) = _live.Connect(LiveFixtures.Operator());

        var resume = await _live.Sync.Resume(connection, _live.Sequencer.Current + 1_000);

        Assert.NotNull(resume.Snapshot);
    }

    [Fact]
    public async Task TheSnapshotLeavesOutResolvedAlertsAndRegionsTheCallerDoesNotSee()
    {
        _live.Grains.Alerts["MENA"] = [LiveFixtures.Alert("MENA-1"), LiveFixtures.Alert("MENA-2", status: AlertStatus.Resolved), LiveFixtures.Alert("MENA-3", status: AlertStatus.Escalated)];
        _live.Grains.Alerts["NA"] = [LiveFixtures.Alert("NA-1")];
        _live.Grains.Heat["MENA"] = [new HeatEntry("room-m", 1, 10, 0.1, false)];
        _live.Grains.Heat["NA"] = [new HeatEntry("room-n", 1, 10, 0.1, false)];
        _live.Grains.Heat["global"] = [new HeatEntry("room-n", 1, 10, 0.1, false)];
        _live.Grains.Incidents.Add(LiveFixtures.Incident("INC-1", "mena raid", Region.MENA));
        _live.Grains.Incidents.Add(LiveFixtures.Incident("INC-2", "na raid", Region.NA));
        var (connection, _) = _live.Connect(LiveFixtures.Operator(Region.MENA));

        var snapshot = await _live.Sync.Snapshot(connection);

        Assert.Equal(["MENA-1", "MENA-3"], snapshot.Alerts.Select(a => a.Id).Order());
        Assert.Equal(["MENA"], snapshot.Heat.Select(h => h.ListId));
        Assert.Equal(["INC-1"], snapshot.Incidents.Select(i => i.Id));
        Assert.Empty(snapshot.Nudges);
    }

    [Fact]
    public async Task AnAdvisorsSnapshotHoldsOnlyTheirOwnNudgesAndNoSafetySections()
    {
        _live.Grains.Alerts["MENA"] = [LiveFixtures.Alert("MENA-1")];
        _live.Grains.Nudges["adv-a"] = [LiveFixtures.Nudge("n-a", "adv-a")];
        _live.Grains.Nudges["adv-b"] = [LiveFixtures.Nudge("n-b", "adv-b")];
        _live.Grains.AdvisorsByRegion["MENA"] = ["adv-a", "adv-b"];
        var (connection, _) = _live.Connect(LiveFixtures.Advisor("adv-a"));

        var snapshot = await _live.Sync.Snapshot(connection);

        Assert.Equal(["n-a"], snapshot.Nudges.Select(n => n.Id));
        Assert.Empty(snapshot.Alerts);
        Assert.Empty(snapshot.Heat);
        Assert.Empty(snapshot.Incidents);
    }

    [Fact]
    public async Task AnAdminsSnapshotHoldsEveryAdvisorsNudgesAndTheGlobalHeatList()
    {
        _live.Grains.Nudges["adv-a"] = [LiveFixtures.Nudge("n-a", "adv-a")];
        _live.Grains.Nudges["adv-b"] = [LiveFixtures.Nudge("n-b", "adv-b")];
        _live.Grains.AdvisorsByRegion["MENA"] = ["adv-a"];
        _live.Grains.AdvisorsByRegion["NA"] = ["adv-b"];
        var (connection, _) = _live.Connect(LiveFixtures.Admin());

        var snapshot = await _live.Sync.Snapshot(connection);

        Assert.Equal(["n-a", "n-b"], snapshot.Nudges.Select(n => n.Id).Order());
        Assert.Contains(snapshot.Heat, h => h.ListId == "global");
        Assert.Equal(Enum.GetValues<Region>().Length + 1, snapshot.Heat.Count);
    }
}
