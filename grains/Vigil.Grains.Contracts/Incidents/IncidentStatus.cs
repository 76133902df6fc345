namespace Vigil.Grains.Contracts.Incidents;

/// <summary>Where an incident stands: declared, being mitigated, or resolved.</summary>
public enum IncidentStatus
{
    Declared,
    Mitigating,
    Resolved,
}
