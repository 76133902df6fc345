using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Diagnostics;

namespace Vigil.Ingest.Deduplication;

/// <summary>
/// Keeps the de-duplicator's ids across restarts, so a producer's retry after a restart is still a duplicate
/// (contract: idempotency over at least 24 hours of event time).
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> <c>&lt;DedupJournalPath&gt;/seed</c> holds the hash seed (random, made once per folder, so the
/// hashes stay unguessable yet comparable across restarts); one append-only file per event-time hour,
/// <c>yyyyMMdd-HH.ids</c>, holds that hour's 8-byte hashes. Every
/// <see cref="IngestOptions.DedupCheckpointInterval"/> the hashes admitted since the last checkpoint are appended and
/// flushed to disk, and once more on shutdown; files older than the retention are deleted. At start every file is
/// read back through <see cref="EventDeduplicator.Restore"/> before the server accepts requests.</para>
/// <para><b>Cost.</b> 8 bytes of disk per admitted id; one sequential append per hour touched per checkpoint.</para>
/// <para><b>Crash.</b> A kill loses at most the ids of the last interval, the same horizon as the grains' write-behind
/// flush, so what a restart forgets is, in the main, what the grains forgot too. A torn last write leaves a partial
/// hash at a file's end, which loading ignores.</para>
/// </remarks>
public sealed class DedupJournal(EventDeduplicator deduplicator, IOptions<IngestOptions> options, TimeProvider time, ILogger<DedupJournal> logger)
    : IHostedService, IDisposable
{
    private const string SeedFileName = "seed";
    private const string Extension = ".ids";
    private const string HourFormat = "yyyyMMdd-HH";

    private readonly Lock _writeGate = new();
    private readonly string _folder = options.Value.DedupJournalPath;
    private List<DedupJournalEntry> _drained = [];
    private readonly List<DedupJournalEntry> _unwritten = [];
    private ITimer? _timer;

    public bool Enabled => !string.IsNullOrEmpty(_folder);

    /// <summary>The seed of the journal folder in <paramref name="options"/> (made on first use); null without a journal.</summary>
    public static ulong? SeedFor(IngestOptions options)
    {
        if (string.IsNullOrEmpty(options.DedupJournalPath))
        {
            return null;
        }

        Directory.CreateDirectory(options.DedupJournalPath);
        var path = Path.Combine(options.DedupJournalPath, SeedFileName);
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: 8 } stored)
        {
            return BitConverter.ToUInt64(stored);
        }

        // A seed file that is missing or torn means no hour file can be trusted either: they are hashed with it.
        foreach (var stale in Directory.EnumerateFiles(options.DedupJournalPath, "*" + Extension))
        {
            File.Delete(stale);
        }

        var seed = IdHash.NewSeed();
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, BitConverter.GetBytes(seed));
        File.Move(temporary, path, overwrite: true);
        return seed;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }

        Load();
        var interval = options.Value.DedupCheckpointInterval;
        _timer = time.CreateTimer(_ => CheckpointSafely(), null, interval, interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _timer?.Dispose();
            CheckpointSafely();
        }

        return Task.CompletedTask;
    }

    /// <summary>Appends the ids admitted since the last checkpoint and deletes hours past the retention.</summary>
    public void Checkpoint()
    {
        lock (_writeGate)
        {
            _drained = deduplicator.DrainJournal(_drained);
            _unwritten.AddRange(_drained);
            if (_unwritten.Count > 0)
            {
                Append(_unwritten);
                _unwritten.Clear();
            }

            Prune();
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void CheckpointSafely()
    {
        try
        {
            Checkpoint();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The entries stay in _unwritten and go out with the next checkpoint.
            IngestLog.DedupJournalFailed(logger, exception, _folder);
        }
    }

    private void Load()
    {
        var files = 0;
        long ids = 0;
        foreach (var (hour, path) in HourFiles().OrderBy(f => f.Hour))
        {
            var bytes = File.ReadAllBytes(path);
            var hashes = MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(0, bytes.Length - bytes.Length % sizeof(ulong)));
            deduplicator.Restore(hour, hashes);
            files++;
            ids += hashes.Length;
        }

        IngestLog.DedupJournalLoaded(logger, ids, files, _folder);
    }

    private void Append(List<DedupJournalEntry> entries)
    {
        entries.Sort(static (a, b) => a.Hour.CompareTo(b.Hour));
        var span = CollectionsMarshal.AsSpan(entries);
        var hashes = new ulong[span.Length];
        for (var start = 0; start < span.Length;)
        {
            var hour = span[start].Hour;
            var end = start;
            while (end < span.Length && span[end].Hour == hour)
            {
                hashes[end - start] = span[end].Hash;
                end++;
            }

            using (var file = new FileStream(PathOf(hour), FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                file.Write(MemoryMarshal.AsBytes(hashes.AsSpan(0, end - start)));
                file.Flush(flushToDisk: true);
            }

            start = end;
        }
    }

    private void Prune()
    {
        var newest = deduplicator.NewestHour;
        if (newest == long.MinValue)
        {
            return;
        }

        foreach (var (hour, path) in HourFiles())
        {
            if (hour < newest - deduplicator.RetentionHours)
            {
                File.Delete(path);
            }
        }
    }

    private IEnumerable<(long Hour, string Path)> HourFiles()
    {
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            if (DateTime.TryParseExact(Path.GetFileNameWithoutExtension(path), HourFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                yield return (start.Ticks / TimeSpan.TicksPerHour, path);
            }
        }
    }

    private string PathOf(long hour) =>
        Path.Combine(_folder, new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc).ToString(HourFormat, CultureInfo.InvariantCulture) + Extension);
}
