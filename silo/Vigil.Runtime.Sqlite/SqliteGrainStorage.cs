using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Sqlite;

/// <summary>
/// <see cref="IGrainStorage"/> in a single SQLite file in WAL mode. Writes go one at a time through one writer
/// connection; reads use their own pooled connections and see the last committed state without waiting for a write.
/// ETags are increasing integers from a sequence stored in the file, so they are never reused, not even after a clear
/// or a restart.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    // A rowid table with a unique key index, not a WITHOUT ROWID table: SQLite keeps at most about 1 KB of a row
    // inside a WITHOUT ROWID leaf page (4 KB pages) and spills the rest to overflow pages, so every write of a
    // 1.9 KB room state dirtied two or more pages; a rowid table's leaves hold rows up to 4 KB, and the change halved
    // SQLite's share of the silo's CPU under ingest load. Updates change only the payload, so the key index is read,
    // never rewritten.
    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS grain_state (
            id INTEGER PRIMARY KEY,
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,
            payload BLOB NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (grain_type, grain_key, state_name)
        );
        CREATE TABLE IF NOT EXISTS etag_sequence (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_etag INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO etag_sequence (id, last_etag) VALUES (1, 0);
        """;

    private const string KeyFilter = "grain_type = $type AND grain_key = $key AND state_name = $name";

    private readonly string _filePath;
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly TimeProvider _timeProvider;

    // SQLite admits one writer per file; queueing writers here rather than on SQLite's busy handler keeps them in
    // arrival order and lets the single connection keep its prepared statements.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private WriterSession? _writer;
    private volatile bool _initialized;
    private volatile bool _disposed;

    public SqliteGrainStorage(SqliteGrainStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.FilePath))
        {
            throw new ArgumentException($"{nameof(SqliteGrainStorageOptions)}.{nameof(options.FilePath)} must name a file, got '{options.FilePath}'.", nameof(options));
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, $"{nameof(SqliteGrainStorageOptions)}.{nameof(options.BusyTimeout)} must be between zero and {int.MaxValue} ms.");
        }

        _filePath = Path.GetFullPath(options.FilePath);
        _busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // Microsoft.Data.Sqlite retries busy statements for this many whole seconds, and 0 would mean forever.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
            Pooling = true,
        };
        _readerConnectionString = builder.ToString();

        // Not pooled: disposing the storage must release the file, and this connection lives as long as the storage.
        builder.Pooling = false;
        _writerConnectionString = builder.ToString();
    }

    public async ValueTask<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        if (!_initialized)
        {
            await RunWriterAsync(static _ => true, cancellationToken).ConfigureAwait(false);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = new SqliteConnection(_readerConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT etag, payload FROM grain_state WHERE {KeyFilter}";
            command.Parameters.AddWithValue("$type", grainId.Type);
            command.Parameters.AddWithValue("$key", grainId.Key);
            command.Parameters.AddWithValue("$name", stateName);
            using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
            return reader.Read() ? new StoredState(reader.GetFieldValue<byte[]>(1), FormatEtag(reader.GetInt64(0))) : null;
        }
        catch (SqliteException exception)
        {
            throw Failure("read", exception);
        }
    }

    public async ValueTask<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        var write = new StateWrite(grainId, stateName, payload, expectedEtag);
        var (newEtag, conflict) = await RunWriterAsync(
            session => InTransaction(session, etagCount: 1, (firstEtag, now) => (firstEtag, Apply(session, write, firstEtag, now))),
            cancellationToken).ConfigureAwait(false);
        return conflict is null ? FormatEtag(newEtag) : throw conflict;
    }

    public async ValueTask ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        var conflict = await RunWriterAsync(
            session => InTransaction(session, etagCount: 0, (_, _) => Clear(session, grainId, stateName, expectedEtag)),
            cancellationToken).ConfigureAwait(false);
        if (conflict is not null)
        {
            throw conflict;
        }
    }

    public async ValueTask<StateWriteResult[]> WriteBatchAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        for (var i = 0; i < writes.Count; i++)
        {
            // Checked up front: an invalid item found halfway would otherwise roll back the items before it.
            if (writes[i].StateName is null)
            {
                throw new ArgumentException($"Item {i} of the batch has no state name.", nameof(writes));
            }
        }

        if (writes.Count == 0)
        {
            return [];
        }

        return await RunWriterAsync(
            session => InTransaction(session, writes.Count, (firstEtag, now) =>
            {
                var results = new StateWriteResult[writes.Count];
                for (var i = 0; i < writes.Count; i++)
                {
                    var conflict = Apply(session, writes[i], firstEtag + i, now);
                    results[i] = conflict is null ? new StateWriteResult(FormatEtag(firstEtag + i), null) : new StateWriteResult(null, conflict);
                }

                return results;
            }),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseConnections();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose()
    {
        _writeGate.Wait();
        try
        {
            CloseConnections();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async ValueTask<T> RunWriterAsync<T>(Func<WriterSession, T> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();

            // Once a write has started it runs to completion: stopping halfway would only roll back work already done.
            return work(_writer ??= OpenWriter());
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private WriterSession OpenWriter()
    {
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
            connection = new SqliteConnection(_writerConnectionString);
            connection.Open();
            var journalMode = Execute(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new GrainStorageException($"SQLite grain storage '{_filePath}' could not switch to WAL mode (journal mode is '{journalMode}'); the file system may not support it.");
            }

            // synchronous=NORMAL: in WAL mode a commit is appended to the WAL without an fsync; the WAL is synced at
            // checkpoints. Every transaction stays atomic and the file consistent whatever happens, and a killed
            // process loses nothing it committed (the OS still holds the writes). A power cut or kernel crash can lose
            // the last transactions committed before it. FULL would close that gap at one fsync per commit, which
            // limits writes to a few hundred transactions per second on ordinary disks; the runtime batches state
            // writes and retries unflushed ones, so the few-second window is the better trade.
            Execute(connection, "PRAGMA synchronous = NORMAL");
            Execute(connection, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)}");

            // The WAL is reused rather than shrunk after a checkpoint; after one very large batch it would keep that size.
            Execute(connection, "PRAGMA journal_size_limit = 67108864");

            // Every upsert walks the primary-key B-tree. With SQLite's default 2 MB page cache, a store of tens of
            // thousands of rooms missed it on most writes and each miss was a pread system call (a tenth of the
            // silo's CPU under ingest load). A 64 MB cache and reads through a memory map keep the tree in memory.
            Execute(connection, "PRAGMA cache_size = -65536");
            Execute(connection, "PRAGMA mmap_size = 268435456");

            // Checkpoint every 64 MB of WAL (the size limit above) instead of every 4 MB: under ingest load the default
            // meant a checkpoint, with its fsync, five times a second, each copying the same hot room rows again.
            Execute(connection, "PRAGMA wal_autocheckpoint = 16384");
            MigrateWithoutRowidTable(connection);
            Execute(connection, SchemaSql);
            var session = new WriterSession(connection);
            _initialized = true;
            return session;
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            if (exception is SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new GrainStorageException($"SQLite grain storage '{_filePath}' could not be opened: {exception.Message}", exception);
            }

            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> in one write transaction with <paramref name="etagCount"/> ETags reserved from the
    /// sequence. Conflicts are the body's results, not failures: the transaction commits whatever the body applied.
    /// </summary>
    private T InTransaction<T>(WriterSession session, int etagCount, Func<long, long, T> body)
    {
        try
        {
            session.Begin.ExecuteNonQuery();
            var firstEtag = 0L;
            if (etagCount > 0)
            {
                session.ReserveEtags.Parameters[0].Value = etagCount;
                firstEtag = (long)session.ReserveEtags.ExecuteScalar()! - etagCount + 1;
            }

            var result = body(firstEtag, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            session.Commit.ExecuteNonQuery();
            return result;
        }
        catch (Exception exception)
        {
            RollBackAfterFailure(session);
            if (exception is SqliteException sqliteException)
            {
                throw Failure("write", sqliteException);
            }

            throw;
        }
    }

    private void RollBackAfterFailure(WriterSession session)
    {
        // SQLite rolls back by itself after some errors (I/O, disk full, out of memory); a second ROLLBACK would fail.
        if (raw.sqlite3_get_autocommit(session.Connection.Handle) != 0)
        {
            return;
        }

        try
        {
            session.Rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The connection cannot even roll back. Closing it discards the open transaction, and the next write opens
            // a fresh connection that sees only committed data, as after a crash; the caller already gets the first error.
            session.Dispose();
            _writer = null;
        }
    }

    /// <summary>
    /// Files written before the schema became a rowid table hold <c>grain_state</c> as a WITHOUT ROWID table: its rows
    /// move to the new table in one transaction (all or nothing, so a crash midway leaves the old table as it was).
    /// </summary>
    private static void MigrateWithoutRowidTable(SqliteConnection connection)
    {
        var definition = Execute(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'") as string;
        if (definition is null || !definition.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "ALTER TABLE grain_state RENAME TO grain_state_without_rowid;" + SchemaSql + """
            INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at)
                SELECT grain_type, grain_key, state_name, etag, payload, updated_at FROM grain_state_without_rowid;
            DROP TABLE grain_state_without_rowid;
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Writes one record inside the open transaction; returns the conflict instead of throwing so batches can report it.</summary>
    /// <remarks>
    /// The payload is bound as memory (Microsoft.Data.Sqlite binds it in place since version 11), so a slice of a longer
    /// pooled array needs no managed copy; SQLite copies the bytes as it binds them, so the caller may reuse the array
    /// once the write is over.
    /// </remarks>
    private static InconsistentStateException? Apply(WriterSession session, StateWrite write, long newEtag, long now)
    {
        int changed;
        if (write.ExpectedEtag is null)
        {
            var insert = session.Insert;
            BindKey(insert, write.GrainId, write.StateName);
            insert.Parameters[3].Value = newEtag;
            insert.Parameters[4].Value = write.Payload;
            insert.Parameters[5].Value = now;
            changed = insert.ExecuteNonQuery();
        }
        else if (TryParseEtag(write.ExpectedEtag, out var expected))
        {
            var update = session.Update;
            BindKey(update, write.GrainId, write.StateName);
            update.Parameters[3].Value = newEtag;
            update.Parameters[4].Value = write.Payload;
            update.Parameters[5].Value = now;
            update.Parameters[6].Value = expected;
            changed = update.ExecuteNonQuery();
        }
        else
        {
            changed = 0;
        }

        return changed == 1 ? null : Conflict(write.GrainId, write.StateName, ReadStoredEtag(session, write.GrainId, write.StateName), write.ExpectedEtag);
    }

    private static InconsistentStateException? Clear(WriterSession session, GrainId grainId, string stateName, string? expectedEtag)
    {
        if (expectedEtag is not null && TryParseEtag(expectedEtag, out var expected))
        {
            var delete = session.Delete;
            BindKey(delete, grainId, stateName);
            delete.Parameters[3].Value = expected;
            if (delete.ExecuteNonQuery() == 1)
            {
                return null;
            }
        }

        var storedEtag = ReadStoredEtag(session, grainId, stateName);
        return storedEtag is null && expectedEtag is null ? null : Conflict(grainId, stateName, storedEtag, expectedEtag);
    }

    private static string? ReadStoredEtag(WriterSession session, GrainId grainId, string stateName)
    {
        BindKey(session.SelectEtag, grainId, stateName);
        return session.SelectEtag.ExecuteScalar() is long etag ? FormatEtag(etag) : null;
    }

    private static void BindKey(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters[0].Value = grainId.Type;
        command.Parameters[1].Value = grainId.Key;
        command.Parameters[2].Value = stateName;
    }

    private static string FormatEtag(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ETag this store could have issued; anything else ("01", "abc") cannot match and conflicts.</summary>
    private static bool TryParseEtag(string etag, out long value) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out value) && FormatEtag(value) == etag;

    private static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static InconsistentStateException Conflict(GrainId grainId, string stateName, string? storedEtag, string? expectedEtag) =>
        new($"State '{stateName}' of grain {grainId} has ETag {storedEtag ?? "(none)"} but the caller expected {expectedEtag ?? "(none)"}; the stored record was kept.",
            storedEtag,
            expectedEtag);

    private GrainStorageException Failure(string operation, SqliteException exception) =>
        new($"SQLite grain storage '{_filePath}' failed to {operation} (SQLite error {exception.SqliteExtendedErrorCode}): {exception.Message}", exception);

    private void CloseConnections()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer?.Dispose();
        _writer = null;

        // Pooled readers would otherwise keep the file open until the process exits.
        using var readerConnection = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(readerConnection);
    }

    /// <summary>The writer connection and its statements, prepared once and reused for every write.</summary>
    private sealed class WriterSession : IDisposable
    {
        public WriterSession(SqliteConnection connection)
        {
            Connection = connection;
            Begin = Prepare("BEGIN IMMEDIATE");
            Commit = Prepare("COMMIT");
            Rollback = Prepare("ROLLBACK");
            ReserveEtags = Prepare("UPDATE etag_sequence SET last_etag = last_etag + $count WHERE id = 1 RETURNING last_etag", ("$count", SqliteType.Integer));
            SelectEtag = Prepare($"SELECT etag FROM grain_state WHERE {KeyFilter}", KeyParameters());
            Insert = Prepare(
                "INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, updated_at) VALUES ($type, $key, $name, $etag, $payload, $now) ON CONFLICT DO NOTHING",
                [.. KeyParameters(), ("$etag", SqliteType.Integer), ("$payload", SqliteType.Blob), ("$now", SqliteType.Integer)]);
            Update = Prepare(
                $"UPDATE grain_state SET etag = $etag, payload = $payload, updated_at = $now WHERE {KeyFilter} AND etag = $expected",
                [.. KeyParameters(), ("$etag", SqliteType.Integer), ("$payload", SqliteType.Blob), ("$now", SqliteType.Integer), ("$expected", SqliteType.Integer)]);
            Delete = Prepare($"DELETE FROM grain_state WHERE {KeyFilter} AND etag = $expected", [.. KeyParameters(), ("$expected", SqliteType.Integer)]);
        }

        public SqliteConnection Connection { get; }

        public SqliteCommand Begin { get; }

        public SqliteCommand Commit { get; }

        public SqliteCommand Rollback { get; }

        /// <summary>Parameter 0: how many ETags to reserve; returns the last one reserved.</summary>
        public SqliteCommand ReserveEtags { get; }

        /// <summary>Parameters 0-2: the key.</summary>
        public SqliteCommand SelectEtag { get; }

        /// <summary>Parameters 0-2: the key; 3: new ETag; 4: payload; 5: time. Changes nothing when the record exists.</summary>
        public SqliteCommand Insert { get; }

        /// <summary>Parameters 0-2: the key; 3: new ETag; 4: payload; 5: time; 6: expected ETag.</summary>
        public SqliteCommand Update { get; }

        /// <summary>Parameters 0-2: the key; 3: expected ETag.</summary>
        public SqliteCommand Delete { get; }

        public void Dispose()
        {
            foreach (var command in new[] { Begin, Commit, Rollback, ReserveEtags, SelectEtag, Insert, Update, Delete })
            {
                command.Dispose();
            }

            Connection.Dispose();
        }

        private static (string Name, SqliteType Type)[] KeyParameters() =>
            [("$type", SqliteType.Text), ("$key", SqliteType.Text), ("$name", SqliteType.Text)];

        private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                command.Parameters.Add(name, type);
            }

            command.Prepare();
            return command;
        }
    }
}
