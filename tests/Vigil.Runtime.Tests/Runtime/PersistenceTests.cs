using System.Text.Json;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class PersistenceTests
{
    [Fact]
    public async Task DeactivationWritesDirtyStateAndReactivationReloadsIt()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var grain = silo.Grain<IPersistentCounterGrain>("reload-" + Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            await grain.Increment();
        }

        await grain.Deactivate();
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("deactivation");

        Assert.Equal(5, await StoredValue(storage, grain));
        Assert.Equal(5, await grain.Get());
    }

    [Fact]
    public async Task WriteBehindWritesNothingBeforeTheFlushIntervalAndEverythingAfterIt()
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var grains = Enumerable.Range(0, 50).Select(i => silo.Grain<IPersistentCounterGrain>($"wb-{i}-{Guid.NewGuid()}")).ToArray();
        foreach (var grain in grains)
        {
            await grain.Increment();
            await grain.Increment();
        }

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await storage.ReadAsync(IdOf(grains[0]), "counter"));

        time.Advance(TimeSpan.FromSeconds(1));
        await silo.Runtime.Flusher.LastFlush.Within("the write-behind flush");

        foreach (var grain in grains)
        {
            Assert.Equal(2, await StoredValue(storage, grain));
        }

        Assert.True(storage.BatchCount < grains.Length, $"50 states should be written in a few batches, not {storage.BatchCount}.");
    }

    [Fact]
    public async Task WriteBehindBatchesRunOnTheWritersOwnThreadNotOnTheThreadPool()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var grain = silo.Grain<IPersistentCounterGrain>("writer-thread-" + Guid.NewGuid());
        await grain.Increment();

        await grain.Deactivate();
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("deactivation");

        Assert.True(storage.BatchCount > 0, "the deactivation should have written its dirty state in a batch");
        Assert.Equal(0, storage.BatchesOnThreadPool);
    }

    [Fact]
    public async Task EachStateIsWrittenOneIntervalAfterItBecameDirtyNotWithEveryOtherDirtyState()
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var early = silo.Grain<IPersistentCounterGrain>("early-" + Guid.NewGuid());
        var late = silo.Grain<IPersistentCounterGrain>("late-" + Guid.NewGuid());
        await early.Increment();
        time.Advance(TimeSpan.FromSeconds(1));
        await late.Increment();

        time.Advance(TimeSpan.FromSeconds(1));
        await silo.Runtime.Flusher.LastFlush.Within("the early state's flush");
        Assert.Equal(1, await StoredValue(storage, early));
        Assert.Null(await StoredValue(storage, late));

        time.Advance(TimeSpan.FromSeconds(1));
        await silo.Runtime.Flusher.LastFlush.Within("the late state's flush");
        Assert.Equal(1, await StoredValue(storage, late));
    }

    [Fact]
    public async Task AFlushTakesIdleGrainsSnapshotsOnItsOwnThreadInsteadOfQueueingThemToThePool()
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var grains = Enumerable.Range(0, 20).Select(i => silo.Grain<ISnapshotThreadGrain>($"snapshot-thread-{i}-{Guid.NewGuid()}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Touch()));

        // Let the activations' run loops wind down, so every grain is idle when the flush asks.
        await Task.Delay(50);
        var flushingThread = Environment.CurrentManagedThreadId;
        var flushing = new Thread(() =>
        {
            flushingThread = Environment.CurrentManagedThreadId;
            time.Advance(TimeSpan.FromSeconds(2)); // the fake clock fires the flush timer on this thread
        });
        flushing.Start();
        flushing.Join();
        await silo.Runtime.Flusher.LastFlush.Within("the write-behind flush");

        foreach (var grain in grains)
        {
            var stored = await storage.ReadAsync(IdOf(grain), "touches");
            var state = JsonSerializer.Deserialize<JsonElement>(stored!.Payload);
            Assert.Equal(1, state.GetProperty("Touches").GetInt32());
            Assert.Equal(flushingThread, state.GetProperty("SerializedOnThread").GetInt32());
        }
    }

    [Fact]
    public async Task AStorageThatAnswersABatchWithTooFewResultsFailsTheBatchAndTheWriterGoesOn()
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage { ShortBatchResults = true };
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var answeredShort = silo.Grain<IPersistentCounterGrain>("short-batch-" + Guid.NewGuid());
        await answeredShort.Increment();

        time.Advance(TimeSpan.FromSeconds(2));
        await silo.Runtime.Flusher.LastFlush.Within("the flush the storage answers short");

        // Not known to be written, so still dirty; and the writer is still there for the next batch.
        Assert.Equal(1, silo.Runtime.Metrics.DirtyActivations);
        storage.ShortBatchResults = false;
        var next = silo.Grain<IPersistentCounterGrain>("after-short-batch-" + Guid.NewGuid());
        await next.Increment();
        time.Advance(TimeSpan.FromSeconds(2));
        await silo.Runtime.Flusher.LastFlush.Within("the next flush");

        Assert.Equal(1, await StoredValue(storage, next));
    }

    [Fact]
    public async Task AFailedFlushIsRetriedAtTheNextIntervalAndNeverDropped()
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage { FailWrites = true };
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var grain = silo.Grain<IPersistentCounterGrain>("retry-" + Guid.NewGuid());
        await grain.Increment();

        time.Advance(TimeSpan.FromSeconds(2));
        await silo.Runtime.Flusher.LastFlush.Within("the failing flush");
        Assert.Null(await storage.ReadAsync(IdOf(grain), "counter"));
        Assert.Equal(1, silo.Runtime.Metrics.DirtyActivations);

        storage.FailWrites = false;
        time.Advance(TimeSpan.FromSeconds(2));
        await silo.Runtime.Flusher.LastFlush.Within("the retried flush");

        Assert.Equal(1, await StoredValue(storage, grain));
        Assert.Equal(0, silo.Runtime.Metrics.DirtyActivations);
    }

    [Fact]
    public async Task ADeactivationWhoseWriteFailsKeepsTheGrainActiveWithItsState()
    {
        var storage = new FlakyGrainStorage { FailWrites = true };
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var key = "stubborn-" + Guid.NewGuid();
        var grain = silo.Grain<IPersistentCounterGrain>(key);
        await grain.Increment();

        await grain.Deactivate();
        // The next call is queued behind the failed deactivation and served by the same, still active, activation.
        var value = await grain.Get();

        Assert.Equal(1, value);
        Assert.Equal(1, PersistentCounterGrain.Activations[key]);
        storage.FailWrites = false;
    }

    [Fact]
    public async Task AChangeMadeWhileAFlushIsWritingSurvivesTheDeactivationThatFollows()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage, configure: o => o.FlushInterval = TimeSpan.FromHours(1));
        var grain = silo.Grain<IPersistentCounterGrain>("late-change-" + Guid.NewGuid());
        await grain.Increment();
        storage.BatchGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var flush = silo.Runtime.FlushAsync();

        await grain.Increment();
        await grain.Deactivate();
        var gate = storage.BatchGate;
        storage.BatchGate = null;
        gate.SetResult();
        await flush.Within("the slow flush");
        await silo.Runtime.WhenDeactivated(IdOf(grain)).Within("the deactivation after the flush");

        Assert.Equal(2, await StoredValue(storage, grain));
    }

    [Fact]
    public async Task ShutdownWritesEveryDirtyState()
    {
        var storage = new FlakyGrainStorage();
        var silo = await TestSilo.StartAsync(storage: storage, configure: o => o.FlushInterval = TimeSpan.FromHours(1));
        var grains = Enumerable.Range(0, 200).Select(i => silo.Grain<IPersistentCounterGrain>($"bye-{i}-{Guid.NewGuid()}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.Increment()));

        await silo.DisposeAsync();

        foreach (var grain in grains)
        {
            Assert.Equal(1, await StoredValue(storage, grain));
        }
    }

    [Fact]
    public async Task AWriteWithAStaleEtagThrowsAConflictAndKeepsTheNewerData()
    {
        var storage = new FlakyGrainStorage();
        await using var silo = await TestSilo.StartAsync(storage: storage);
        var grain = silo.Grain<IPersistentCounterGrain>("conflict-" + Guid.NewGuid());
        await grain.IncrementAndWrite();
        var stored = await storage.ReadAsync(IdOf(grain), "counter");
        var newer = JsonSerializer.SerializeToUtf8Bytes(new CounterState { Value = 100 });
        await storage.WriteAsync(IdOf(grain), "counter", newer, stored!.Etag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAndWrite());

        Assert.Equal(100, await StoredValue(storage, grain));
    }

    [Theory]
    [InlineData("W/\"")] // an HTTP entity tag, as a blob or table store gives
    [InlineData("0")] // digits with a leading zero: not a number's canonical spelling
    public async Task EtagsThatAreNotPlainNumbersSurviveWriteBehindAndTheGrainsOwnWrites(string prefix)
    {
        var time = new FakeTimeProvider();
        var storage = new FlakyGrainStorage { EtagPrefix = prefix };
        await using var silo = await TestSilo.StartAsync(time, storage, o => o.FlushInterval = TimeSpan.FromSeconds(2));
        var grain = silo.Grain<IPersistentCounterGrain>("etag-" + Guid.NewGuid());
        for (var round = 0; round < 2; round++)
        {
            await grain.Increment();
            time.Advance(TimeSpan.FromSeconds(2.5));
            await silo.Runtime.Flusher.LastFlush.Within("the write-behind flush");

            // Sent with the etag the flush left: a mangled one would be a conflict.
            await grain.IncrementAndWrite();
        }

        Assert.Equal(4, await StoredValue(storage, grain));
        Assert.StartsWith(prefix, (await storage.ReadAsync(IdOf(grain), "counter"))!.Etag, StringComparison.Ordinal);
    }

    private static GrainId IdOf(object grain) => ((GrainReference)grain).GrainId;

    private static async Task<int?> StoredValue(IGrainStorage storage, object grain)
    {
        var stored = await storage.ReadAsync(IdOf(grain), "counter");
        return stored is null ? null : JsonSerializer.Deserialize<CounterState>(stored.Payload)!.Value;
    }
}
