namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// Which benchmarks to run and how long: the command line
/// <c>[all|calls|oneway|memory|flush|ingest|latency|domain-memory|room-snapshot|ingest-profile] [--quick] [--allocations] [--gc-trace] [--memory-storage] [--latency-base=N] [--pause-damon] [--latency-floor]</c>.
/// </summary>
internal sealed class BenchmarkOptions
{
    public static readonly string[] SuiteNames = ["calls", "oneway", "memory", "flush", "ingest", "latency", "domain-memory", "room-snapshot"];

    /// <summary>Diagnostics that only run when named: they explain a figure rather than produce one.</summary>
    public static readonly string[] DiagnosticNames = ["ingest-profile"];

    public const string LatencyBasePrefix = "--latency-base=";

    private BenchmarkOptions(IReadOnlySet<string> suites, bool quick, bool sampleAllocations, bool traceGc, bool memoryStorage, double? latencyBase, bool pauseDamon, bool latencyFloor)
    {
        LatencyFloor = latencyFloor;
        PauseDamon = pauseDamon;
        LatencyBase = latencyBase;
        TraceGc = traceGc;
        Suites = suites;
        Quick = quick;
        SampleAllocations = sampleAllocations;
        Storage = memoryStorage ? "Memory" : "Sqlite";
    }

    /// <summary>Grain storage of the silos the ingest benchmarks start: SQLite as in production, or Memory (<c>--memory-storage</c>) to tell storage cost apart.</summary>
    public string Storage { get; }

    public IReadOnlySet<string> Suites { get; }

    /// <summary>A smoke run: short windows and small counts, for checking the harness rather than the runtime.</summary>
    public bool Quick { get; }

    /// <summary>Logs which types the timed windows allocate (<c>--allocations</c>); the listener costs some throughput.</summary>
    public bool SampleAllocations { get; }

    /// <summary>Logs every garbage collection that paused the process over 15 ms, with what it promoted and why (<c>--gc-trace</c>).</summary>
    public bool TraceGc { get; }

    /// <summary>
    /// With <c>--latency-base=N</c>: the rate (events/s) whose 50 % and 80 % the latency benchmark sends, instead of the
    /// maximum it measures first, so two builds can be compared at the same load (the measured maximum moves by 10 % from
    /// run to run on these machines).
    /// </summary>
    public double? LatencyBase { get; }

    /// <summary>
    /// With <c>--pause-damon</c> (root only): the latency benchmark turns the kernel's DAMON memory monitor off while it
    /// runs and back on afterwards (see <see cref="KernelMemoryMonitor"/>), and says so in its rows.
    /// </summary>
    public bool PauseDamon { get; }

    /// <summary>
    /// With <c>--latency-floor</c>: the latency benchmark measures <see cref="Ingest.LatencyFloorHost"/> (HTTP and
    /// System.Text.Json, no silo) instead of the silo, with the same client, probes and levels: the part of the figure
    /// that belongs to the machine and the harness.
    /// </summary>
    public bool LatencyFloor { get; }

    /// <summary>Each figure is measured this many times and the median reported.</summary>
    public int Repeats => 3;

    public TimeSpan WarmUp => Quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(2);

    /// <summary>
    /// Warm-up of the ingest and latency benchmarks: long enough for every room of the traffic to be activated and
    /// stored once and for the silo's hot paths to reach tier-1 code, so the windows measure the sustained rate rather
    /// than the first seconds of a cold silo (those ran at less than half of it).
    /// </summary>
    public TimeSpan IngestWarmUp => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(15);

    /// <summary>Length of one timed window of the closed-loop call benchmarks.</summary>
    public TimeSpan Window => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);

    public int ConcurrentCallers => 1_000;

    public int OneWayReceivers => 1_000;

    /// <summary>One-way messages per timed round, spread evenly over the receivers.</summary>
    public int OneWayMessagesPerRound => Quick ? 500_000 : 5_000_000;

    public int IdleActivations => Quick ? 100_000 : 1_000_000;

    public int FlushedStates => Quick ? 20_000 : 100_000;

    /// <summary>
    /// Events the load client generates for the ingest benchmark: more than the warm-up and the windows use at 400,000
    /// events/s (30 s), so that a silo well past the target still runs out of neither (6,000,000 ran out at 300,000).
    /// </summary>
    public long IngestEvents => Quick ? 400_000 : 12_000_000;

    /// <summary>Requests in flight at once from the load client, one per connection.</summary>
    public int IngestConnections => 8;

    /// <summary>Windows of the latency benchmark: long enough for a p99 over thousands of probes per load level.</summary>
    public TimeSpan LatencyWindow => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20);

    /// <summary>Probes per second in the latency benchmark.</summary>
    public TimeSpan ProbeInterval => TimeSpan.FromMilliseconds(20);

    public int DomainVips => Quick ? 50_000 : 1_000_000;

    public int DomainRooms => Quick ? 10_000 : 100_000;

    public bool Runs(string suite) => Suites.Contains(suite);

    /// <summary>Parses the command line; returns null and writes the reason to <paramref name="error"/> when it is not understood.</summary>
    public static BenchmarkOptions? Parse(string[] args, out string? error)
    {
        var suites = new HashSet<string>(StringComparer.Ordinal);
        var quick = false;
        var sampleAllocations = false;
        var memoryStorage = false;
        var traceGc = false;
        double? latencyBase = null;
        var pauseDamon = false;
        var latencyFloor = false;
        foreach (var arg in args)
        {
            if (arg == "--quick")
            {
                quick = true;
            }
            else if (arg == "--allocations")
            {
                sampleAllocations = true;
            }
            else if (arg == "--gc-trace")
            {
                traceGc = true;
            }
            else if (arg == "--memory-storage")
            {
                memoryStorage = true;
            }
            else if (arg == "--pause-damon")
            {
                pauseDamon = true;
            }
            else if (arg == "--latency-floor")
            {
                latencyFloor = true;
            }
            else if (arg.StartsWith(LatencyBasePrefix, StringComparison.Ordinal))
            {
                if (!double.TryParse(arg.AsSpan(LatencyBasePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rate) || rate < 1_000)
                {
                    error = $"{LatencyBasePrefix}N needs a rate of at least 1000 events/s as a whole number (was '{arg}').";
                    return null;
                }

                latencyBase = rate;
            }
            else if (arg == "all")
            {
                suites.UnionWith(SuiteNames);
            }
            else if (SuiteNames.Contains(arg) || DiagnosticNames.Contains(arg))
            {
                suites.Add(arg);
            }
            else
            {
                error = $"Unknown argument '{arg}'. Usage: [all|{string.Join('|', SuiteNames.Concat(DiagnosticNames))}]... [--quick] [--allocations] [--gc-trace] [--memory-storage] [--latency-base=N] [--pause-damon] [--latency-floor]";
                return null;
            }
        }

        if (latencyFloor && latencyBase is null)
        {
            error = $"--latency-floor needs {LatencyBasePrefix}N: the floor host outruns the load client, so its own closed-loop maximum would be the client's.";
            return null;
        }

        if (suites.Count == 0)
        {
            suites.UnionWith(SuiteNames);
        }

        error = null;
        return new BenchmarkOptions(suites, quick, sampleAllocations, traceGc, memoryStorage, latencyBase, pauseDamon, latencyFloor);
    }
}
