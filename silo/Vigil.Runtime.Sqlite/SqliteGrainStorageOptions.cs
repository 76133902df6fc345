namespace Vigil.Runtime.Sqlite;

/// <summary>Where <see cref="SqliteGrainStorage"/> keeps its database and how long it waits for a lock held by another connection.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The database file; its directory is created on first use. The -wal and -shm files sit next to it.</summary>
    public string FilePath { get; set; } = Path.Combine("data", "grain-state.db");

    /// <summary>
    /// How long a statement waits for a lock held by another connection (another process on the same file) before it
    /// fails with <see cref="Vigil.Runtime.Persistence.GrainStorageException"/>. Microsoft.Data.Sqlite adds its own
    /// retries counted in whole seconds, so the wait is at least one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
