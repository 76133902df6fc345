namespace Vigil.Silo.Api;

/// <summary>Body of <c>POST /api/alerts/{id}/{action}</c>: a note for the audit trail, and the assignee for <c>assign</c>.</summary>
public sealed record AlertActionRequest(string? Note, string? Assignee);
