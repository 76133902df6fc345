using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts.Alerts;

/// <summary>
/// Alert ids start with their region (<c>MENA-000042</c>), which names the <see cref="IAlertCenterGrain"/> that holds
/// them: the alert center makes them so, and whoever holds only an id finds the alert's desk and region this way.
/// </summary>
public static class AlertIds
{
    public const string FormatHint = "alert ids start with their region, e.g. MENA-000042";

    public static string Of(string region, long sequence) => $"{region}-{sequence:D6}";

    /// <summary>The region an alert id names; null when <paramref name="alertId"/> is not an alert id.</summary>
    public static Region? RegionOf(string? alertId)
    {
        var dash = alertId?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0 && !char.IsDigit(alertId![0]) && Enum.TryParse<Region>(alertId[..dash], ignoreCase: false, out var region) && Enum.IsDefined(region)
            ? region
            : null;
    }
}
