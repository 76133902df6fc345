using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Grains.Contracts.Feed;

/// <summary>An incident was declared, changed status, or got a timeline entry.</summary>
public sealed record IncidentChanged(IncidentSnapshot Incident, string Change) : FeedItem
{
    public override string SubjectId => Incident.Id;
}
