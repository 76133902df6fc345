using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Contracts.Incidents;

/// <summary>What a person declares an incident with: a title, a severity, who commands it, and the alerts behind it.</summary>
public sealed record IncidentDeclaration(string Title, Severity Severity, string Commander, IReadOnlyList<string> AlertIds);
