using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Policy;

/// <summary>Seconds an alert of each severity may stay unacknowledged before it escalates.</summary>
public sealed record SlaPolicy
{
    public required int P1Seconds { get; init; }

    public required int P2Seconds { get; init; }

    public required int P3Seconds { get; init; }

    public required int P4Seconds { get; init; }

    public TimeSpan AcknowledgeWithin(Severity severity) => TimeSpan.FromSeconds(severity switch
    {
        Severity.P1 => P1Seconds,
        Severity.P2 => P2Seconds,
        Severity.P3 => P3Seconds,
        _ => P4Seconds,
    });
}
