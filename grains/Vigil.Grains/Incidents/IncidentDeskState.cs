using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Grains.Incidents;

/// <summary>The persistent state of the incident desk: every incident by id, and the next id's number.</summary>
public sealed class IncidentDeskState
{
    public Dictionary<string, IncidentSnapshot> Incidents { get; set; } = [];

    public long NextSequence { get; set; } = 1;
}
