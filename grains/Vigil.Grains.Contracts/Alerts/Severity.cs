namespace Vigil.Grains.Contracts.Alerts;

/// <summary>How urgently a person must act: P1 act now ... P4 look when free.</summary>
public enum Severity
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
