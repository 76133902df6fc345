namespace Vigil.Benchmarks.Infrastructure;

/// <summary>One line of the results table; the ratio is value / baseline. A problem fails the line whatever its value.</summary>
internal sealed record ResultRow(string Figure, double Value, string Unit, double Baseline = double.NaN, Target? Target = null, string? Problem = null)
{
    public double Ratio => Value / Baseline;
}
