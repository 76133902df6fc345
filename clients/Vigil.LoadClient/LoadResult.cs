namespace Vigil.LoadClient;

/// <summary>What one run did, printed as one JSON line after <see cref="Marker"/> for a benchmark to read.</summary>
public sealed record LoadResult(
    IReadOnlyList<WindowRate> Windows,
    long Requests,
    long Accepted,
    long Duplicates,
    long Rejected,
    long Errors,
    string? FirstError,
    bool Exhausted,
    long LateBatches,
    double MaxLagMs,
    long Probes)
{
    public const string Marker = "LOAD-RESULT ";

    /// <summary>Accepted events per second, median of the windows.</summary>
    public double MedianRate
    {
        get
        {
            var sorted = Windows.Select(w => w.EventsPerSecond).Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
