namespace Vigil.Grains.Contracts.Alerts;

/// <summary>One action on an alert: who, when, what, and their note (attacker-controlled text is never rendered as HTML).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Note);
