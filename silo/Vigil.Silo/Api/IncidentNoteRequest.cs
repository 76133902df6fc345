namespace Vigil.Silo.Api;

/// <summary>Body of <c>POST /api/incidents/{id}/notes</c>: the note's text (1-2000 characters).</summary>
public sealed record IncidentNoteRequest(string? Text);
