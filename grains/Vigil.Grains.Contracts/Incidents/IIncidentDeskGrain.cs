using Vigil.Runtime.Grains;

namespace Vigil.Grains.Contracts.Incidents;

/// <summary>
/// The incident desk (one grain, keyed <c>global</c>): declares incidents from alerts, moves them declared -> mitigating
/// -> resolved, and keeps each one's timeline. Every change is published to the live feed. An unknown incident id
/// throws <see cref="KeyNotFoundException"/>; a transition the status does not allow throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IIncidentDeskGrain : IGrainWithStringKey
{
    Task<IncidentSnapshot> Declare(IncidentDeclaration declaration, string actor);

    Task<IncidentSnapshot> SetStatus(string incidentId, IncidentStatus status, string actor, string? note);

    Task<IncidentSnapshot> AddNote(string incidentId, string actor, string text);

    [ReadOnly]
    Task<IReadOnlyList<IncidentSnapshot>> List(bool includeResolved);

    [ReadOnly]
    Task<IncidentSnapshot?> Get(string incidentId);
}
