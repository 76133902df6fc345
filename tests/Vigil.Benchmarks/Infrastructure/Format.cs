using System.Globalization;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>Number formatting for the report: invariant culture, thousands separators, no false precision.</summary>
internal static class Format
{
    public static string Number(double value) => double.IsNaN(value)
        ? "-"
        : Math.Abs(value) >= 100
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
