namespace Vigil.Silo.Api;

/// <summary>Body of <c>POST /api/incidents</c>: title, severity (<c>P1</c>..<c>P4</c>), commander and the alerts behind it.</summary>
public sealed record IncidentDeclarationRequest(string? Title, string? Severity, string? Commander, IReadOnlyList<string>? AlertIds);
