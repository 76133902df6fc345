using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>A connection's pump: one batch per interval at most, coalesced per subject, with continuous sequences.</summary>
public sealed class LivePumpTests : IDisposable
{
    private readonly LiveHarness _live = new();

    public void Dispose() => _live.Dispose();

    [Fact]
    public void NothingIsSentBeforeTheConnectionHasASnapshotOrResume()
    {
        var (connection, client) = _live.Connect(LiveFixtures.Operator());
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));

        _live.Advance(500);

        Assert.Empty(client.Received);
        connection.StartAfter(_live.Sequencer.Current - 1);
        _live.Advance(50);
        Assert.Equal("MENA-1", Assert.Single(client.Items).Alert!.Id);
    }

    [Fact]
    public void TheFirstBatchWaitsOneIntervalAfterTheSnapshotSoTheSnapshotArrivesFirst()
    {
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator());
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));

        _live.Advance(49);
        var before = client.Received.Count;
        _live.Advance(1);

        Assert.Equal(0, before);
        Assert.Single(client.Received);
    }

    [Fact]
    public void ASteadyStreamIsSentAtMostOncePer50Milliseconds()
    {
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator());

        for (var ms = 0; ms < 1000; ms++)
        {
            _live.Publish(LiveFixtures.AlertChange($"MENA-{ms}"));
            _live.Advance(1);
        }

        _live.Advance(50);
        var sendTimes = client.Received.Select(r => r.At).ToArray();
        Assert.InRange(sendTimes.Length, 19, 21);
        Assert.All(sendTimes.Zip(sendTimes.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(50), $"batches at {pair.First:ss.fff} and {pair.Second:ss.fff}"));
        Assert.Equal(1000, client.Items.Select(i => i.Alert!.Id).Distinct().Count());
    }

    [Fact]
    public void AQuietConnectionSendsAsSoonAsTheIntervalSinceItsLastBatchHasPassed()
    {
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator());
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Advance(50);

        _live.Advance(1000);
        _live.Publish(LiveFixtures.AlertChange("MENA-2"));
        _live.Advance(0);

        Assert.Equal(2, client.Received.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), client.Received[1].At - client.Received[0].At);
    }

    [Fact]
    public void UpdatesToOneAlertInsideABatchAreCoalescedToTheLatest()
    {
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator());

        _live.Publish(LiveFixtures.AlertChange("MENA-1", version: 1));
        _live.Publish(LiveFixtures.AlertChange("EU-7", version: 1));
        _live.Publish(LiveFixtures.AlertChange("MENA-1", version: 2));
        var latest = _live.Publish(LiveFixtures.AlertChange("MENA-1", version: 3));
        _live.Publish(LiveFixtures.HeatChange("MENA"));
        _live.Publish(LiveFixtures.HeatChange("MENA"));
        _live.Advance(50);

        var batch = Assert.Single(client.Batches);
        Assert.Equal(["EU-7/1", "MENA-1/3", "heat"], batch.Items.Select(i => i.Alert is { } a ? $"{a.Id}/{a.Version}" : i.Kind));
        Assert.Equal(latest.Seq, batch.Items[1].Seq);
        Assert.True(batch.Items.Zip(batch.Items.Skip(1)).All(p => p.First.Seq < p.Second.Seq), "items are in sequence order");
    }

    [Fact]
    public void EachBatchStartsWhereThePreviousOneEnded()
    {
        var start = _live.Sequencer.Current;
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator());

        for (var i = 0; i < 10; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"NA-{i}"));
            _live.Advance(60);
        }

        var batches = client.Batches.ToArray();
        Assert.Equal(10, batches.Length);
        Assert.Equal(start, batches[0].After);
        Assert.All(batches.Zip(batches.Skip(1)), p => Assert.Equal(p.First.Sequence, p.Second.After));
        Assert.All(batches, b => Assert.True(b.Items.All(i => i.Seq > b.After && i.Seq <= b.Sequence), "items lie in (after, sequence]"));
    }

    [Fact]
    public void ItemsAConnectionMayNotSeeStillMoveItsSequenceOn()
    {
        var (_, client) = _live.ConnectStarted(LiveFixtures.Operator(Region.MENA));

        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        var invisible = _live.Publish(LiveFixtures.AlertChange("NA-1"));
        _live.Advance(50);

        var batch = Assert.Single(client.Batches);
        Assert.Equal(invisible.Seq, batch.Sequence);
        Assert.Equal("MENA-1", Assert.Single(batch.Items).Alert!.Id);
    }

    [Fact]
    public void AStartAfterASequenceDropsWaitingItemsTheClientAlreadyHolds()
    {
        var (connection, client) = _live.Connect(LiveFixtures.Operator());
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        var snapshotSequence = _live.Sequencer.Current;
        var later = _live.Publish(LiveFixtures.AlertChange("MENA-2"));

        connection.StartAfter(snapshotSequence);
        _live.Advance(50);

        var batch = Assert.Single(client.Batches);
        Assert.Equal(snapshotSequence, batch.After);
        Assert.Equal(later.Seq, Assert.Single(batch.Items).Seq);
    }

    [Fact]
    public void ADisconnectedConnectionIsOfferedNothingMore()
    {
        var (connection, client) = _live.ConnectStarted(LiveFixtures.Operator());

        _live.Sequencer.Disconnect(connection.Id);
        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Advance(100);

        Assert.Empty(client.Received);
        Assert.Equal(0, _live.Sequencer.ConnectionCount);
    }
}
