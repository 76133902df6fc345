using Vigil.Grains.Policy;

namespace Vigil.Silo.Hosting;

/// <summary>
/// Hot-reloads the policy from <c>Vigil:Policy:Path</c> (default <c>&lt;DataPath&gt;/policy.json</c>). On first start the
/// default policy is written there, so an operator edits a real file; a valid edit applies within seconds, an
/// invalid one is logged with its reasons and the running policy stays.
/// </summary>
public sealed class PolicyWatcherHostedService(
    PolicyStore store,
    SiloOptions silo,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<PolicyFileWatcher> logger) : IHostedService, IDisposable
{
    private PolicyFileWatcher? _watcher;

    /// <summary>The watched policy file, known once the service has started.</summary>
    public string PolicyPath { get; private set; } = string.Empty;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(PolicyFileWatcherOptions.SectionName).Get<PolicyFileWatcherOptions>() ?? new PolicyFileWatcherOptions();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            options.Path = PolicyFileWatcherOptions.DefaultPath(Path.GetFullPath(silo.DataPath));
        }

        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new SiloConfigurationException(string.Join(Environment.NewLine, problems));
        }

        PolicyPath = Path.GetFullPath(options.Path);
        // Linux reports every change in a watched folder, so a watcher beside the grain-state database woke for each
        // of SQLite's writes (a tenth of the silo's CPU under ingest load) to find they were not the policy. Polling
        // alone still applies a new policy within PollInterval plus Debounce (3 s by default).
        options.UseFileSystemWatcher ??= !SharesFolderWithGrainState(PolicyPath);
        if (!File.Exists(options.Path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.Path)!);
            File.WriteAllText(options.Path, DefaultPolicy.Json);
        }

        _watcher = new PolicyFileWatcher(store, options, timeProvider, logger);
        _watcher.Start();
        return Task.CompletedTask;
    }

    private bool SharesFolderWithGrainState(string policyPath) =>
        string.Equals(Path.GetDirectoryName(policyPath), Path.GetDirectoryName(silo.GrainStateFile), StringComparison.Ordinal);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _watcher?.Dispose();
}
