namespace Vigil.Dashboard.Live;

/// <summary>
/// The argument of the hub's <c>DeclareIncident</c>: <c>{ title, severity, commander, alertIds }</c>. Severity is text
/// (<c>P1</c>..<c>P4</c>) so a bad value is refused with an error naming the field rather than a binding failure.
/// </summary>
public sealed record LiveIncidentDeclaration(string? Title, string? Severity, string? Commander, IReadOnlyList<string>? AlertIds);
