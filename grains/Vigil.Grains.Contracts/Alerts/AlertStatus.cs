namespace Vigil.Grains.Contracts.Alerts;

/// <summary>Where an alert is in its handling.</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
    Escalated,
    Resolved,
}
