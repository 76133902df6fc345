namespace Vigil.Silo.Api;

/// <summary>Body of <c>POST /api/incidents/{id}/status</c>: <c>declared</c>, <c>mitigating</c> or <c>resolved</c>, and an optional note.</summary>
public sealed record IncidentStatusRequest(string? Status, string? Note);
