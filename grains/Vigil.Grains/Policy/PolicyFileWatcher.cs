using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Vigil.Grains.Policy;

/// <summary>
/// Applies the policy file through <see cref="PolicyStore.TryApply"/> within seconds of a change. The file is read
/// on a timer (every <see cref="PolicyFileWatcherOptions.PollInterval"/>) and, when FileSystemWatcher reports a
/// change, at once; new content is applied only after it has read the same for
/// <see cref="PolicyFileWatcherOptions.Debounce"/>, so an editor's or a copy's partial write is never taken for
/// the policy. Content is applied once: a rejected file is logged and left alone until it changes again.
/// All timing goes through the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class PolicyFileWatcher : IDisposable
{
    private const int MaxFileBytes = 4 * 1024 * 1024;

    private readonly PolicyStore _store;
    private readonly PolicyFileWatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ITimer? _pollTimer;
    private ITimer? _debounceTimer;
    private FileSystemWatcher? _watcher;
    private string? _handledHash;
    private string? _pendingHash;
    private DateTimeOffset _pendingSince;
    private bool _reportedMissing;
    private bool _disposed;

    /// <exception cref="ArgumentException">The options are invalid; the message names each key and value.</exception>
    public PolicyFileWatcher(PolicyStore store, PolicyFileWatcherOptions options, TimeProvider timeProvider, ILogger<PolicyFileWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _store = store;
        _options = options;
        _time = timeProvider;
        _logger = logger ?? NullLogger<PolicyFileWatcher>.Instance;
        FilePath = System.IO.Path.GetFullPath(options.Path);
    }

    /// <summary>Raised after a file-system event has been handled (tests wait on it instead of sleeping).</summary>
    internal event Action? FileEventHandled;

    public string FilePath { get; }

    /// <summary>The store's answer to the last file content this watcher applied, if any.</summary>
    public PolicyApplyResult? LastResult { get; private set; }

    /// <summary>Starts watching and reads the file once now (a file present at start applies after the debounce).</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pollTimer is not null)
            {
                return;
            }

            _debounceTimer = _time.CreateTimer(_ => CheckSafely(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _pollTimer = _time.CreateTimer(_ => CheckSafely(), null, _options.PollInterval, _options.PollInterval);
            _watcher = CreateWatcher();
        }

        _logger.LogInformation("Watching policy file {PolicyPath} (every {PollInterval}, events {UseEvents})", FilePath, _options.PollInterval, _watcher is not null);
        Check();
    }

    /// <summary>Reads the file now and applies it if it has been stable for the debounce time.</summary>
    public void Check()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var content = Read();
            if (content is null)
            {
                _pendingHash = null;
                return;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            if (hash == _handledHash)
            {
                _pendingHash = null;
                return;
            }

            var now = _time.GetUtcNow();
            if (hash != _pendingHash)
            {
                // New content: wait until it has stayed the same for the debounce time.
                _pendingHash = hash;
                _pendingSince = now;
                _debounceTimer?.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
                return;
            }

            if (now - _pendingSince < _options.Debounce)
            {
                return;
            }

            _handledHash = hash;
            _pendingHash = null;
            Apply(content);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher?.Dispose();
            _pollTimer?.Dispose();
            _debounceTimer?.Dispose();
        }
    }

    private void Apply(byte[] content)
    {
        // UTF-8 only (as the event contract); a byte-order mark is tolerated.
        var json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(content).TrimStart('\uFEFF');
        var result = _store.TryApply(json, "file:" + FilePath);
        LastResult = result;
        switch (result.Outcome)
        {
            case PolicyApplyOutcome.Applied:
                _logger.LogInformation("Applied policy version {PolicyVersion} from {PolicyPath} (hash {PolicyHash})", result.Entry!.Version, FilePath, result.Entry.Hash);
                break;
            case PolicyApplyOutcome.Unchanged:
                _logger.LogDebug("Policy file {PolicyPath} holds the active policy already", FilePath);
                break;
            default:
                _logger.LogError(
                    "Rejected policy file {PolicyPath}; version {PolicyVersion} stays active. Problems: {PolicyErrors}",
                    FilePath,
                    _store.Active.Version,
                    string.Join("; ", result.Errors));
                break;
        }
    }

    private byte[]? Read()
    {
        try
        {
            using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxFileBytes)
            {
                _logger.LogError("Policy file {PolicyPath} is {Bytes} bytes, more than the {MaxBytes} allowed; ignored", FilePath, stream.Length, MaxFileBytes);
                return null;
            }

            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            _reportedMissing = false;
            return content;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (!_reportedMissing)
            {
                _reportedMissing = true;
                _logger.LogInformation("No policy file at {PolicyPath}; version {PolicyVersion} stays active", FilePath, _store.Active.Version);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Being replaced or locked right now: the next event or poll reads it again.
            _logger.LogDebug(e, "Policy file {PolicyPath} could not be read yet", FilePath);
            return null;
        }
    }

    private FileSystemWatcher? CreateWatcher()
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (_options.UseFileSystemWatcher == false || directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(FilePath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnFileEvent;
        watcher.Created += OnFileEvent;
        watcher.Renamed += OnFileEvent;
        watcher.Error += (_, e) => _logger.LogWarning(e.GetException(), "Watching {PolicyPath} failed; polling continues", FilePath);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        CheckSafely();
        FileEventHandled?.Invoke();
    }

    // Timer and file-system callbacks run on pool threads where an exception would end the process; a failing
    // Changed subscriber must not stop the policy from being watched.
    private void CheckSafely()
    {
        try
        {
            Check();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Checking policy file {PolicyPath} failed; the next poll tries again", FilePath);
        }
    }
}
