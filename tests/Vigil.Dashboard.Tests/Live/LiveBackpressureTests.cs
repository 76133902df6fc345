using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>A connection that cannot keep up: bounded memory, the others unaffected, and a resync instead of a silent loss.</summary>
public sealed class LiveBackpressureTests : IDisposable
{
    private readonly LiveHarness _live = new(queueCapacity: 8);

    public void Dispose() => _live.Dispose();

    [Fact]
    public void ASlowConnectionDoesNotHoldBackTheFeedOrOtherConnections()
    {
        var (_, slow) = _live.ConnectStarted(LiveFixtures.Operator(), slow: true);
        var (_, fast) = _live.ConnectStarted(LiveFixtures.Operator());

        for (var i = 0; i < 200; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"MENA-{i}"));
            if (i % 5 == 4)
            {
                _live.Advance(50);
            }
        }

        Assert.Equal(200, fast.Items.Count());
        Assert.Single(slow.Received);
    }

    [Fact]
    public async Task AConnectionThatFallsBehindIsToldToResyncOnItsNextBatch()
    {
        var (connection, slow) = _live.ConnectStarted(LiveFixtures.Operator(), slow: true);
        _live.Publish(LiveFixtures.AlertChange("MENA-first"));
        _live.Advance(50);
        var first = Assert.Single(slow.Batches);

        for (var i = 0; i < 20; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"MENA-{i}"));
        }

        await CatchUp(slow);
        _live.Advance(50);

        var second = slow.Batches.Last();
        Assert.NotEqual(first.Sequence, second.After);
        Assert.Contains("overflow", _live.Resyncs);

        var resume = await _live.Sync.Resume(connection, first.Sequence);
        Assert.Null(resume.Snapshot);
        Assert.Equal(20, resume.Items!.Count);
    }

    [Fact]
    public async Task AnOverflowingConnectionHoldsNoMoreThanItsCapacity()
    {
        var (_, slow) = _live.ConnectStarted(LiveFixtures.Operator(), slow: true);
        _live.Publish(LiveFixtures.AlertChange("MENA-first"));
        _live.Advance(50);

        for (var i = 0; i < 10_000; i++)
        {
            _live.Publish(LiveFixtures.AlertChange($"MENA-{i}"));
        }

        await CatchUp(slow);
        _live.Advance(50);

        Assert.Equal(2, slow.Received.Count);
        Assert.InRange(slow.Batches.Last().Items.Count, 0, _live.Options.ConnectionQueueCapacity);
    }

    [Fact]
    public void AClientThatMissedAFailedBatchIsToldByTheNextOnesAfter()
    {
        var failing = true;
        var sent = new List<Vigil.Dashboard.Live.LiveBatch>();
        var connection = _live.Sequencer.Connect("c1", Vigil.Dashboard.Live.LiveAudience.Of(LiveFixtures.Operator()), batch =>
        {
            sent.Add(batch);
            return failing ? Task.FromException(new IOException("connection reset")) : Task.CompletedTask;
        });
        connection.StartAfter(_live.Sequencer.Current);

        _live.Publish(LiveFixtures.AlertChange("MENA-1"));
        _live.Advance(50);
        failing = false;
        _live.Publish(LiveFixtures.AlertChange("MENA-2"));
        _live.Advance(50);

        Assert.Equal(2, sent.Count);
        var lastKnownByTheClient = sent[0].After;
        Assert.NotEqual(lastKnownByTheClient, sent[1].After);
        Assert.Equal("MENA-2", Assert.Single(sent[1].Items).Alert!.Id);
        Assert.Contains("send_failed", _live.Resyncs);
    }

    /// <summary>Completes the slow client's send and waits for its pump to schedule the next batch.</summary>
    private async Task CatchUp(RecordingClient slow)
    {
        var rearmed = _live.Time.WhenATimerIsRearmed();
        slow.CatchUp();
        await rearmed.Within("the slow connection's pump to schedule its next batch after the send completed");
    }
}
