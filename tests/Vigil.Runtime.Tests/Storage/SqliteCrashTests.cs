using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Vigil.Runtime.Tests.Storage;

/// <summary>
/// SQLite storage written by another process: read back after that process exits, and intact after it is killed with
/// SIGKILL in the middle of a batch. The writer is tests/Vigil.Runtime.StorageProbe, run with <c>dotnet</c>.
/// </summary>
public sealed class SqliteCrashTests(TemporaryDirectory directory, ITestOutputHelper output) : IClassFixture<TemporaryDirectory>
{
    private const string StateName = "state";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> ProbeAssembly = new(LocateOrBuildProbe);

    [Fact]
    public async Task RecordsWrittenByAnotherProcessReadBackAfterReopeningTheFile()
    {
        const int count = 2_500;
        var dbPath = directory.PathOf("write-once/grain-state.db");

        await using (var probe = ProbeProcess.Start(ProbeAssembly.Value, "write-once", dbPath, count.ToString(CultureInfo.InvariantCulture)))
        {
            var exitCode = await probe.WaitForExitAsync(ProbeTimeout);
            Assert.True(exitCode == 0, $"The write-once probe exited with {exitCode}: {probe.Transcript()}");
        }

        await using var storage = new SqliteGrainStorage(new SqliteGrainStorageOptions { FilePath = dbPath });
        for (var i = 0; i < count; i++)
        {
            var stored = await storage.ReadAsync(ProbeGrain(i), StateName);
            Assert.True(stored is not null, $"Record {i} written by the probe is missing.");
            Assert.Equal(KnownPayload(i), stored.Payload);
        }

        Assert.Null(await storage.ReadAsync(ProbeGrain(count), StateName));
    }

    [Fact]
    public async Task KillingTheWriterMidBatchNeverLeavesATornRecordOrAHalfCommittedBatch()
    {
        // 200 x 64 KB = 12.5 MB per batch: tens of milliseconds of writing, and more than SQLite's 2 MB page cache,
        // so uncommitted pages spill into the WAL before the commit; the kill lands among those spills.
        const int grains = 200;
        const int payloadBytes = 64 * 1024;
        var dbPath = directory.PathOf("churn/grain-state.db");
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        int[] walWritesBeforeKill = [0, 1, 3, 8, 30];
        long? lastGeneration = null;

        foreach (var walWrites in walWritesBeforeKill)
        {
            long begun;
            long? confirmed;
            using (var walWatcher = new FileSystemWatcher(Path.GetDirectoryName(dbPath)!, Path.GetFileName(dbPath) + "-wal"))
            {
                await using var probe = ProbeProcess.Start(ProbeAssembly.Value, "churn", dbPath, grains.ToString(CultureInfo.InvariantCulture), payloadBytes.ToString(CultureInfo.InvariantCulture));
                walWatcher.NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size;
                walWatcher.Changed += (_, _) => probe.ReportWalWrite();
                walWatcher.EnableRaisingEvents = true;

                await probe.WaitForAsync(ProbeEvent.IsLine("ready"), "'ready' after the probe's first committed batch");
                for (var batch = 1; batch <= 3; batch++)
                {
                    await probe.WaitForAsync(ProbeEvent.IsLine(line => line.StartsWith("committed ", StringComparison.Ordinal)), $"committed batch {batch} of 3 since the probe started");
                }

                begun = ParseGeneration(await probe.WaitForAsync(ProbeEvent.IsLine(line => line.StartsWith("begin ", StringComparison.Ordinal)), "the start of the next batch ('begin N')"));
                confirmed = begun - 1;
                if (walWrites > 0)
                {
                    var seen = 0;
                    var last = await probe.WaitForAsync(
                        evt => evt.IsWalWrite ? ++seen >= walWrites : evt.Line == $"committed {begun}",
                        $"{walWrites} writes to the WAL or the commit of generation {begun}");
                    confirmed = last.IsWalWrite ? begun - 1 : begun;
                }

                probe.Kill();
                await probe.WaitForExitAsync(ProbeTimeout);

                // The kill lands a moment after the test decided on it: on a fast machine the probe may have finished
                // that batch and begun more. Everything it printed before dying is in its output, read to the end by now.
                begun = Math.Max(begun, probe.HighestGeneration("begin "));
                confirmed = Math.Max(confirmed ?? 0, probe.HighestGeneration("committed "));
            }

            var generation = VerifyDatabase(dbPath, grains);

            // The batch in flight may have committed just before the kill without the probe getting to say so.
            Assert.True(generation == confirmed || generation == begun, $"The file holds generation {generation}; the probe had committed {confirmed} and begun {begun}.");
            Assert.True(lastGeneration is null || generation > lastGeneration, $"Generation {generation} after restarting does not follow {lastGeneration}.");
            lastGeneration = generation;
            output.WriteLine($"Killed after {walWrites} WAL writes into generation {begun}: file holds generation {generation} ({(generation == begun ? "batch committed before the kill" : "batch rolled back")}).");
        }
    }

    /// <summary>Checks the file and every record; returns the one generation all records must share.</summary>
    private static long VerifyDatabase(string dbPath, int grains)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", integrity.ExecuteScalar() as string);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_key, payload FROM grain_state WHERE grain_type = 'probe' AND state_name = $name";
        command.Parameters.AddWithValue("$name", StateName);
        using var reader = command.ExecuteReader();
        var generations = new Dictionary<string, long>();
        while (reader.Read())
        {
            var grain = reader.GetString(0);
            generations[grain] = ReadSelfCheckedGeneration(grain, reader.GetFieldValue<byte[]>(1));
        }

        Assert.Equal(grains, generations.Count);
        var distinct = generations.Values.Distinct().ToArray();
        Assert.True(distinct.Length == 1, $"One batch writes every record, yet the file mixes generations {string.Join(", ", distinct)}.");
        return distinct[0];
    }

    /// <summary>The probe's churn payload: JSON whose sha256 covers generation|grain|fill.</summary>
    private static long ReadSelfCheckedGeneration(string grain, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var generation = root.GetProperty("generation").GetInt64();
        var fill = root.GetProperty("fill").GetString()!;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{generation}|{grain}|{fill}")));
        Assert.True(root.GetProperty("grain").GetString() == grain, $"Record {grain} holds the payload of {root.GetProperty("grain")}.");
        Assert.True(root.GetProperty("sha256").GetString() == hash, $"Record {grain} of generation {generation} fails its hash: the payload is torn.");
        return generation;
    }

    /// <summary>N from a probe line "begin N" or "committed N".</summary>
    private static long ParseGeneration(ProbeEvent evt) => long.Parse(evt.Line![(evt.Line!.IndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static GrainId ProbeGrain(int index) => new("probe", $"g-{index}");

    /// <summary>What the probe's write-once mode writes for record <paramref name="index"/>.</summary>
    private static byte[] KnownPayload(int index) => Encoding.UTF8.GetBytes($"record {index}:" + new string((char)('a' + index % 26), index % 300));

    /// <summary>
    /// The probe's dll in this repository, built for this test run's configuration. Built here when missing, since the
    /// test project cannot reference an executable project's output.
    /// </summary>
    private static string LocateOrBuildProbe()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orleans.sln")) && !Directory.Exists(Path.Combine(root.FullName, ".git")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Orleans.sln or .git; cannot find the storage probe.");
        }

        var configuration = typeof(SqliteCrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectDirectory = Path.Combine(root.FullName, "tests", "Vigil.Runtime.StorageProbe");
        var dll = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "Vigil.Runtime.StorageProbe.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        var build = Process.Start(new ProcessStartInfo(DotnetHost(), ["build", Path.Combine(projectDirectory, "Vigil.Runtime.StorageProbe.csproj"), "-c", configuration, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var buildOutput = build.StandardOutput.ReadToEndAsync();
        var buildErrors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        return build.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"Building the storage probe ({projectDirectory}) failed with exit code {build.ExitCode}, so the crash tests cannot run:\n{buildOutput.GetAwaiter().GetResult()}\n{buildErrors}");
    }

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    /// <summary>A line the probe printed, or a write to the WAL file seen by the watcher.</summary>
    private readonly record struct ProbeEvent(string? Line)
    {
        public bool IsWalWrite => Line is null;

        public static Func<ProbeEvent, bool> IsLine(string expected) => evt => evt.Line == expected;

        public static Func<ProbeEvent, bool> IsLine(Func<string, bool> predicate) => evt => evt.Line is not null && predicate(evt.Line);
    }

    /// <summary>The probe process with its output turned into a stream of events to wait on.</summary>
    private sealed class ProbeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Channel<ProbeEvent> _events = Channel.CreateUnbounded<ProbeEvent>();
        private readonly List<string> _transcript = [];
        private readonly StringBuilder _errors = new();

        private ProbeProcess(Process process) => _process = process;

        public static ProbeProcess Start(string probeAssembly, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(DotnetHost(), [probeAssembly, .. arguments])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = new Process { StartInfo = startInfo };
            var probe = new ProbeProcess(process);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    probe._events.Writer.TryComplete();
                    return;
                }

                lock (probe._transcript)
                {
                    probe._transcript.Add(e.Data);
                }

                probe._events.Writer.TryWrite(new ProbeEvent(e.Data));
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (probe._errors)
                {
                    probe._errors.AppendLine(e.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return probe;
        }

        public void ReportWalWrite() => _events.Writer.TryWrite(new ProbeEvent(null));

        /// <summary>Returns the first event matching <paramref name="match"/>; fails naming <paramref name="awaited"/> on timeout or exit.</summary>
        public async Task<ProbeEvent> WaitForAsync(Func<ProbeEvent, bool> match, string awaited)
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            try
            {
                await foreach (var evt in _events.Reader.ReadAllAsync(timeout.Token))
                {
                    if (match(evt))
                    {
                        return evt;
                    }
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {ProbeTimeout.TotalSeconds} s for {awaited}. {Transcript()}");
            }

            await _process.WaitForExitAsync();
            throw new InvalidOperationException($"The probe exited with {_process.ExitCode} before {awaited}. {Transcript()}");
        }

        public void Kill() => _process.Kill();

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The probe did not exit within {timeout.TotalSeconds} s. {Transcript()}");
            }

            return _process.ExitCode;
        }

        /// <summary>The highest N of the output lines "<paramref name="prefix"/>N", or 0 when there is none.</summary>
        public long HighestGeneration(string prefix)
        {
            lock (_transcript)
            {
                return _transcript.Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(line => long.Parse(line[prefix.Length..], CultureInfo.InvariantCulture))
                    .DefaultIfEmpty(0)
                    .Max();
            }
        }

        public string Transcript()
        {
            lock (_transcript)
            {
                lock (_errors)
                {
                    return $"Last output: [{string.Join(" | ", _transcript.TakeLast(10))}]; errors: [{_errors.ToString().Trim()}]";
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
