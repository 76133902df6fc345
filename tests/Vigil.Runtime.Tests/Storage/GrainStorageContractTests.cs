using System.Text;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Xunit;

namespace Vigil.Runtime.Tests.Storage;

/// <summary>The behaviour every <see cref="IGrainStorage"/> shares; each provider runs these tests through a subclass.</summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private const string StateName = "state";
    private static readonly GrainId Room = new("room", "r-1");

    private IGrainStorage? _storage;

    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("The storage is created in InitializeAsync.");

    public Task InitializeAsync()
    {
        _storage = CreateStorage();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_storage is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (_storage is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task WrittenStateReadsBackWithTheEtagTheWriteReturned()
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("hello"), expectedEtag: null);

        var stored = await Storage.ReadAsync(Room, StateName);

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.Etag);
        Assert.Equal(Utf8("hello"), stored.Payload);
    }

    [Fact]
    public async Task ReadOfARecordNeverWrittenReturnsNull()
    {
        var stored = await Storage.ReadAsync(Room, StateName);

        Assert.Null(stored);
    }

    [Fact]
    public async Task FirstWriteWithAnEtagConflictsBecauseNoRecordExists()
    {
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("x"), "1").AsTask());

        Assert.Null(conflict.StoredEtag);
        Assert.Equal("1", conflict.ExpectedEtag);
        Assert.Null(await Storage.ReadAsync(Room, StateName));
    }

    [Fact]
    public async Task WriteWithoutAnEtagOverAnExistingRecordConflictsAndKeepsIt()
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("first"), expectedEtag: null);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("second"), expectedEtag: null).AsTask());

        Assert.Equal(etag, conflict.StoredEtag);
        Assert.Null(conflict.ExpectedEtag);
        Assert.Equal(Utf8("first"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Fact]
    public async Task WriteWithStaleEtagThrowsConflictAndKeepsNewerData()
    {
        var firstEtag = await Storage.WriteAsync(Room, StateName, Utf8("v1"), expectedEtag: null);
        var secondEtag = await Storage.WriteAsync(Room, StateName, Utf8("v2"), firstEtag);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("stale"), firstEtag).AsTask());

        Assert.Equal(secondEtag, conflict.StoredEtag);
        Assert.Equal(firstEtag, conflict.ExpectedEtag);
        Assert.Contains($"ETag {secondEtag} ", conflict.Message, StringComparison.Ordinal);
        Assert.Contains($"expected {firstEtag};", conflict.Message, StringComparison.Ordinal);
        var stored = await Storage.ReadAsync(Room, StateName);
        Assert.Equal(secondEtag, stored!.Etag);
        Assert.Equal(Utf8("v2"), stored.Payload);
    }

    [Fact]
    public async Task WriteWithAnEtagTheStoreNeverIssuedConflicts()
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("v1"), expectedEtag: null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("v2"), "0" + etag).AsTask());
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("v2"), "not-an-etag").AsTask());

        Assert.Equal(etag, (await Storage.ReadAsync(Room, StateName))!.Etag);
    }

    [Fact]
    public async Task EveryWriteIssuesANewEtag()
    {
        var etags = new List<string>();
        string? etag = null;

        for (var i = 0; i < 5; i++)
        {
            etag = await Storage.WriteAsync(Room, StateName, Utf8($"v{i}"), etag);
            etags.Add(etag);
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task ClearedStateReadsAsNullAndCanBeWrittenAgainWithoutAnEtag()
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("v1"), expectedEtag: null);

        await Storage.ClearAsync(Room, StateName, etag);

        Assert.Null(await Storage.ReadAsync(Room, StateName));
        var newEtag = await Storage.WriteAsync(Room, StateName, Utf8("v2"), expectedEtag: null);
        Assert.Equal(Utf8("v2"), (await Storage.ReadAsync(Room, StateName))!.Payload);
        Assert.NotEqual(etag, newEtag);
    }

    [Fact]
    public async Task RecreatedRecordCannotBeOverwrittenWithAnEtagFromBeforeTheClear()
    {
        var oldEtag = await Storage.WriteAsync(Room, StateName, Utf8("old"), expectedEtag: null);
        await Storage.ClearAsync(Room, StateName, oldEtag);
        await Storage.WriteAsync(Room, StateName, Utf8("new"), expectedEtag: null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Room, StateName, Utf8("stale"), oldEtag).AsTask());

        Assert.Equal(Utf8("new"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Fact]
    public async Task ClearWithStaleEtagThrowsConflictAndKeepsTheRecord()
    {
        var firstEtag = await Storage.WriteAsync(Room, StateName, Utf8("v1"), expectedEtag: null);
        var secondEtag = await Storage.WriteAsync(Room, StateName, Utf8("v2"), firstEtag);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Room, StateName, firstEtag).AsTask());

        Assert.Equal(secondEtag, conflict.StoredEtag);
        Assert.Equal(firstEtag, conflict.ExpectedEtag);
        Assert.Equal(Utf8("v2"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Fact]
    public async Task ClearWithoutAnEtagOfAnExistingRecordConflictsAndKeepsIt()
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("v1"), expectedEtag: null);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Room, StateName, expectedEtag: null).AsTask());

        Assert.Equal(etag, conflict.StoredEtag);
        Assert.NotNull(await Storage.ReadAsync(Room, StateName));
    }

    [Fact]
    public async Task ClearOfAMissingRecordWithoutAnEtagSucceeds()
    {
        await Storage.ClearAsync(Room, StateName, expectedEtag: null);

        Assert.Null(await Storage.ReadAsync(Room, StateName));
    }

    [Fact]
    public async Task ClearOfAMissingRecordWithAnEtagConflicts()
    {
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Room, StateName, "1").AsTask());

        Assert.Null(conflict.StoredEtag);
    }

    [Fact]
    public async Task RecordsAreKeyedByGrainTypeGrainKeyAndStateName()
    {
        var records = new (GrainId GrainId, string StateName)[]
        {
            (new GrainId("room", "a"), "state"),
            (new GrainId("room", "b"), "state"),
            (new GrainId("user", "a"), "state"),
            (new GrainId("room", "a"), "other"),
            (new GrainId("room", ""), "state"),
        };

        foreach (var (grainId, stateName) in records)
        {
            await Storage.WriteAsync(grainId, stateName, Utf8($"{grainId}:{stateName}"), expectedEtag: null);
        }

        foreach (var (grainId, stateName) in records)
        {
            Assert.Equal(Utf8($"{grainId}:{stateName}"), (await Storage.ReadAsync(grainId, stateName))!.Payload);
        }
    }

    [Fact]
    public async Task ChangingTheWrittenOrTheReadBufferDoesNotChangeTheStoredState()
    {
        var buffer = Utf8("original");
        await Storage.WriteAsync(Room, StateName, buffer, expectedEtag: null);

        buffer.AsSpan().Fill((byte)'x');
        var firstRead = await Storage.ReadAsync(Room, StateName);
        firstRead!.Payload.AsSpan().Fill((byte)'y');

        Assert.Equal(Utf8("original"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Fact]
    public async Task StateOfSeveralMegabytesRoundTripsByteForByte()
    {
        // A slice at an odd offset: providers must honour the memory's bounds, not the array behind it.
        var backing = new byte[3 * 1024 * 1024 + 7];
        new Random(42).NextBytes(backing);
        var payload = backing.AsMemory(7);

        var etag = await Storage.WriteAsync(Room, StateName, payload, expectedEtag: null);
        var stored = await Storage.ReadAsync(Room, StateName);

        Assert.Equal(etag, stored!.Etag);
        Assert.True(payload.Span.SequenceEqual(stored.Payload), "The stored payload differs from the 3 MB that was written.");
    }

    // Write-behind hands over pooled arrays longer than their payload: the rest of the array is someone else's data.
    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public async Task FirstWriteOfASliceOfALongerArrayStoresOnlyTheSlice(int offset)
    {
        var backing = FilledAround("first", offset);

        await Storage.WriteAsync(Room, StateName, backing.AsMemory(offset, 5), expectedEtag: null);

        Assert.Equal(Utf8("first"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public async Task UpdateWithASliceOfALongerArrayStoresOnlyTheSlice(int offset)
    {
        var etag = await Storage.WriteAsync(Room, StateName, Utf8("first"), expectedEtag: null);
        var backing = FilledAround("second", offset);

        await Storage.WriteAsync(Room, StateName, backing.AsMemory(offset, 6), etag);

        Assert.Equal(Utf8("second"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentWritersWithTheSameExpectedEtagProduceExactlyOneWinner(bool recordExists)
    {
        const int writers = 16;
        var expectedEtag = recordExists ? await Storage.WriteAsync(Room, StateName, Utf8("base"), expectedEtag: null) : null;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, writers).Select(writer => Task.Run<(int Writer, string? Etag, InconsistentStateException? Conflict)>(async () =>
        {
            await start.Task;
            try
            {
                return (writer, await Storage.WriteAsync(Room, StateName, Utf8($"writer-{writer}"), expectedEtag), null);
            }
            catch (InconsistentStateException conflict)
            {
                return (writer, null, conflict);
            }
        })).ToArray();

        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, outcome => outcome.Conflict is null);
        Assert.All(outcomes.Where(outcome => outcome.Conflict is not null), outcome => Assert.Equal(winner.Etag, outcome.Conflict!.StoredEtag));
        var stored = await Storage.ReadAsync(Room, StateName);
        Assert.Equal(winner.Etag, stored!.Etag);
        Assert.Equal(Utf8($"writer-{winner.Writer}"), stored.Payload);
    }

    [Fact]
    public async Task TenThousandGrainsWrittenInBatchesAllReadBackAndUpdateInBatches()
    {
        const int grains = 10_000;
        const int batchSize = 1_000;
        var etags = new string?[grains];

        for (var generation = 1; generation <= 2; generation++)
        {
            for (var start = 0; start < grains; start += batchSize)
            {
                var writes = Enumerable.Range(start, batchSize)
                    .Select(i => new StateWrite(new GrainId("sensor", $"s-{i}"), StateName, Utf8($"sensor {i} generation {generation}"), etags[i]))
                    .ToArray();
                var results = await Storage.WriteBatchAsync(writes);

                Assert.Equal(batchSize, results.Length);
                Assert.All(results, result => Assert.True(result.Succeeded, result.Error?.Message));
                for (var i = 0; i < batchSize; i++)
                {
                    etags[start + i] = results[i].NewEtag;
                }
            }
        }

        for (var i = 0; i < grains; i++)
        {
            var stored = await Storage.ReadAsync(new GrainId("sensor", $"s-{i}"), StateName);
            Assert.Equal(etags[i], stored!.Etag);
            Assert.Equal(Utf8($"sensor {i} generation 2"), stored.Payload);
        }
    }

    [Fact]
    public async Task BatchWithOneConflictingItemCommitsTheOthersAndReportsTheConflictAtItsIndex()
    {
        var contested = new GrainId("room", "contested");
        var staleEtag = await Storage.WriteAsync(contested, StateName, Utf8("v1"), expectedEtag: null);
        var currentEtag = await Storage.WriteAsync(contested, StateName, Utf8("v2"), staleEtag);
        var writes = new[]
        {
            new StateWrite(new GrainId("room", "a"), StateName, Utf8("a"), null),
            new StateWrite(contested, StateName, Utf8("lost"), staleEtag),
            new StateWrite(new GrainId("room", "c"), StateName, Utf8("c"), null),
        };

        var results = await Storage.WriteBatchAsync(writes);

        Assert.True(results[0].Succeeded);
        var conflict = Assert.IsType<InconsistentStateException>(results[1].Error);
        Assert.Null(results[1].NewEtag);
        Assert.Equal(currentEtag, conflict.StoredEtag);
        Assert.Equal(staleEtag, conflict.ExpectedEtag);
        Assert.True(results[2].Succeeded);
        Assert.Equal(results[0].NewEtag, (await Storage.ReadAsync(new GrainId("room", "a"), StateName))!.Etag);
        Assert.Equal(results[2].NewEtag, (await Storage.ReadAsync(new GrainId("room", "c"), StateName))!.Etag);
        Assert.Equal(Utf8("v2"), (await Storage.ReadAsync(contested, StateName))!.Payload);
    }

    [Fact]
    public async Task BatchItemsForTheSameRecordApplyInOrder()
    {
        var writes = new[]
        {
            new StateWrite(Room, StateName, Utf8("first"), null),
            new StateWrite(Room, StateName, Utf8("second"), null),
        };

        var results = await Storage.WriteBatchAsync(writes);

        Assert.True(results[0].Succeeded);
        Assert.Equal(results[0].NewEtag, Assert.IsType<InconsistentStateException>(results[1].Error).StoredEtag);
        Assert.Equal(Utf8("first"), (await Storage.ReadAsync(Room, StateName))!.Payload);
    }

    [Fact]
    public async Task EmptyBatchReturnsNoResults()
    {
        var results = await Storage.WriteBatchAsync([]);

        Assert.Empty(results);
    }

    /// <summary>A fresh, empty storage for one test.</summary>
    protected abstract IGrainStorage CreateStorage();

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>512 bytes of '#' with <paramref name="text"/> written at <paramref name="offset"/>.</summary>
    private static byte[] FilledAround(string text, int offset)
    {
        var backing = new byte[512];
        backing.AsSpan().Fill((byte)'#');
        Encoding.UTF8.GetBytes(text, backing.AsSpan(offset));
        return backing;
    }
}
