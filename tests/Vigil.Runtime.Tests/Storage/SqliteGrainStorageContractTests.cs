using Microsoft.Data.Sqlite;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;
using Vigil.Runtime.Sqlite;
using Xunit;

namespace Vigil.Runtime.Tests.Storage;

public sealed class SqliteGrainStorageContractTests(TemporaryDirectory directory) : GrainStorageContractTests, IClassFixture<TemporaryDirectory>
{
    private const string StateName = "state";

    // One database per test: tests of a class share the directory, never the data.
    private readonly string _filePath = directory.PathOf(Path.Combine(Guid.NewGuid().ToString("N"), "grain-state.db"));

    [Fact]
    public async Task DatabaseIsCreatedInWalModeInsideAMissingDirectory()
    {
        await Storage.WriteAsync(new GrainId("room", "r-1"), StateName, Utf8("v1"), expectedEtag: null);

        using var connection = OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task ReadBeforeAnyWriteCreatesTheDatabaseAndFindsNothing()
    {
        var stored = await Storage.ReadAsync(new GrainId("room", "r-1"), StateName);

        Assert.Null(stored);
        Assert.True(File.Exists(_filePath));
    }

    [Fact]
    public async Task StorageReopenedOnTheSameFileSeesCommittedStateAndNeverReusesEtags()
    {
        var room = new GrainId("room", "r-1");
        var clearedEtag = await Storage.WriteAsync(room, StateName, Utf8("cleared"), expectedEtag: null);
        await Storage.ClearAsync(room, StateName, clearedEtag);
        var keptEtag = await Storage.WriteAsync(room, StateName, Utf8("kept"), expectedEtag: null);
        await ((IAsyncDisposable)Storage).DisposeAsync();

        await using var reopened = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = _filePath });
        var stored = await reopened.ReadAsync(room, StateName);
        var newEtag = await reopened.WriteAsync(room, StateName, Utf8("after reopen"), keptEtag);

        Assert.Equal(keptEtag, stored!.Etag);
        Assert.Equal(Utf8("kept"), stored.Payload);
        Assert.True(long.Parse(newEtag) > long.Parse(keptEtag), $"ETag {newEtag} issued after reopening is not above {keptEtag}.");
        Assert.NotEqual(clearedEtag, newEtag);
    }

    [Fact]
    public async Task BatchThatSqliteRejectsRollsBackEveryItemAndThrowsGrainStorageException()
    {
        var existing = new GrainId("room", "existing");
        var existingEtag = await Storage.WriteAsync(existing, StateName, Utf8("before"), expectedEtag: null);
        InstallFailingTrigger(failingKey: "poison");
        var writes = new[]
        {
            new StateWrite(new GrainId("room", "a"), StateName, Utf8("a"), null),
            new StateWrite(existing, StateName, Utf8("after"), existingEtag),
            new StateWrite(new GrainId("room", "poison"), StateName, Utf8("poison"), null),
            new StateWrite(new GrainId("room", "c"), StateName, Utf8("c"), null),
        };

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => Storage.WriteBatchAsync(writes).AsTask());

        Assert.IsType<SqliteException>(failure.InnerException);
        Assert.Null(await Storage.ReadAsync(new GrainId("room", "a"), StateName));
        Assert.Null(await Storage.ReadAsync(new GrainId("room", "c"), StateName));
        var unchanged = await Storage.ReadAsync(existing, StateName);
        Assert.Equal(existingEtag, unchanged!.Etag);
        Assert.Equal(Utf8("before"), unchanged.Payload);
    }

    [Fact]
    public async Task WritesSucceedAgainAfterABatchFailedInsideSqlite()
    {
        await Storage.WriteAsync(new GrainId("room", "first"), StateName, Utf8("first"), expectedEtag: null);
        InstallFailingTrigger(failingKey: "poison");
        await Assert.ThrowsAsync<GrainStorageException>(() => Storage.WriteAsync(new GrainId("room", "poison"), StateName, Utf8("x"), null).AsTask());

        var etag = await Storage.WriteAsync(new GrainId("room", "next"), StateName, Utf8("next"), expectedEtag: null);

        Assert.Equal(etag, (await Storage.ReadAsync(new GrainId("room", "next"), StateName))!.Etag);
    }

    [Fact]
    public async Task WriteWhileAnotherConnectionHoldsTheWriteLockPastTheBusyTimeoutThrowsGrainStorageException()
    {
        await using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = _filePath, BusyTimeout = TimeSpan.Zero });
        await storage.WriteAsync(new GrainId("room", "first"), StateName, Utf8("first"), expectedEtag: null);
        using var blocker = OpenRawConnection();
        using var transaction = blocker.BeginTransaction(deferred: false);

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteAsync(new GrainId("room", "blocked"), StateName, Utf8("x"), null).AsTask());

        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, Assert.IsType<SqliteException>(failure.InnerException).SqliteErrorCode);
        transaction.Rollback();
        Assert.NotNull(await storage.WriteAsync(new GrainId("room", "unblocked"), StateName, Utf8("y"), null));
    }

    [Fact]
    public async Task FileWithTheEarlierWithoutRowidTableIsMigratedWithItsStatesAndEtags()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
        using (var connection = OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE grain_state (grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL, etag INTEGER NOT NULL,
                    payload BLOB NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (grain_type, grain_key, state_name)) WITHOUT ROWID;
                CREATE TABLE etag_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last_etag INTEGER NOT NULL);
                INSERT INTO etag_sequence (id, last_etag) VALUES (1, 7);
                INSERT INTO grain_state VALUES ('room', 'old-1', 'state', 7, X'6F6C64', 0);
                """;
            command.ExecuteNonQuery();
        }

        var stored = await Storage.ReadAsync(new GrainId("room", "old-1"), StateName);
        var newEtag = await Storage.WriteAsync(new GrainId("room", "old-1"), StateName, Utf8("new"), stored!.Etag);

        Assert.Equal("7", stored.Etag);
        Assert.Equal(Utf8("old"), stored.Payload);
        Assert.Equal("8", newEtag);
        using var check = OpenRawConnection();
        using var definition = check.CreateCommand();
        definition.CommandText = "SELECT group_concat(name || ':' || sql, ' | ') FROM sqlite_master WHERE type = 'table' AND name LIKE 'grain_state%'";
        var tables = (string)definition.ExecuteScalar()!;
        Assert.DoesNotContain("WITHOUT ROWID", tables, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("grain_state_without_rowid", tables, StringComparison.Ordinal);
    }

    protected override IGrainStorage CreateStorage() => new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = _filePath });

    private SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _filePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Makes SQLite itself fail any insert or update of <paramref name="failingKey"/>, as an I/O error would mid-batch.</summary>
    private void InstallFailingTrigger(string failingKey)
    {
        using var connection = OpenRawConnection();
        using var command = connection.CreateCommand();

        // Trigger bodies cannot take parameters; the key is a test constant without quotes.
        command.CommandText = $"""
            CREATE TRIGGER fail_insert BEFORE INSERT ON grain_state WHEN NEW.grain_key = '{failingKey}'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            CREATE TRIGGER fail_update BEFORE UPDATE ON grain_state WHEN NEW.grain_key = '{failingKey}'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            """;
        command.ExecuteNonQuery();
    }
}
