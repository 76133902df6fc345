namespace Vigil.Grains.Contracts.Events;

/// <summary>Severity of a support ticket.</summary>
public enum ComplaintSeverity
{
    Low,
    Medium,
    High,
}
