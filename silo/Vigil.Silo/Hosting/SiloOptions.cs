namespace Vigil.Silo.Hosting;

/// <summary>Settings of the silo process, bound from the <c>Vigil</c> section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Vigil";

    /// <summary>Folder for the embedded database and other files; relative paths are under the working directory.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>Grain storage: <c>Sqlite</c> (a file under the data folder, the default) or <c>Memory</c> (nothing survives a restart).</summary>
    public string Storage { get; set; } = "Sqlite";

    /// <summary>How long a graceful shutdown may take to deactivate grains and flush their state.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Least level written to the console: Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string LogLevel { get; set; } = "Information";

    public string GrainStateFile => Path.Combine(Path.GetFullPath(DataPath), "grain-state.db");

    /// <summary>Where ingest journals admitted event ids, so idempotency survives a restart.</summary>
    public string DedupJournalFolder => Path.Combine(Path.GetFullPath(DataPath), "ingest-dedup");
}
