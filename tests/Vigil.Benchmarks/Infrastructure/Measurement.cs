namespace Vigil.Benchmarks.Infrastructure;

/// <summary>The repeated windows of one figure; the reported value is their median.</summary>
internal sealed class Measurement(IReadOnlyList<WindowResult> windows, string? problem = null)
{
    public IReadOnlyList<WindowResult> Windows { get; } = windows;

    /// <summary>What went wrong while measuring (starved or failed workers); the figure is then not trustworthy.</summary>
    public string? Problem { get; } = problem;

    public double MedianPerSecond => Median(Windows.Select(w => w.PerSecond));

    public double MedianAllocatedBytesPerOperation => Median(Windows.Select(w => w.AllocatedBytesPerOperation));

    public int Gen0 => Windows.Sum(w => w.Gen0);

    public int Gen1 => Windows.Sum(w => w.Gen1);

    public int Gen2 => Windows.Sum(w => w.Gen2);

    /// <summary>The windows' rates, for the log: the spread says how far to trust the median.</summary>
    public string DescribeRates() => string.Join(" / ", Windows.Select(w => Format.Number(w.PerSecond)));

    public Measurement WithProblem(string problem) => new(Windows, Problem is null ? problem : Problem + "; " + problem);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
