using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Grains.Incidents;

/// <summary>
/// Pure rules of incident handling: what a declaration, a note and a status change must carry, and which status may
/// follow which. Declared -> mitigating -> resolved is the usual path; a declared incident may be resolved directly (a
/// false alarm) and a mitigating one may go back to declared (the mitigation did not hold). Resolved is final.
/// Bad input throws <see cref="ArgumentException"/> whose parameter name is the request field.
/// </summary>
public static class IncidentRules
{
    public const int MaxTitle = 200;
    public const int MaxCommander = 128;
    public const int MaxNote = 2000;
    public const int MaxAlerts = 100;

    public static void Validate(IncidentDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (string.IsNullOrWhiteSpace(declaration.Title) || declaration.Title.Length > MaxTitle)
        {
            throw new ArgumentException($"title: required, 1-{MaxTitle} characters.", "title");
        }

        if (string.IsNullOrWhiteSpace(declaration.Commander) || declaration.Commander.Length > MaxCommander)
        {
            throw new ArgumentException($"commander: required, 1-{MaxCommander} characters.", "commander");
        }

        if (!Enum.IsDefined(declaration.Severity))
        {
            throw new ArgumentException("severity: must be one of P1, P2, P3, P4.", "severity");
        }

        if (declaration.AlertIds is not { Count: > 0 and <= MaxAlerts } alerts || alerts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"alertIds: 1-{MaxAlerts} alert ids, none empty.", "alertIds");
        }
    }

    public static void ValidateNote(string? note, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("text: required.", "text");
        }

        if (note is { Length: > MaxNote })
        {
            throw new ArgumentException($"{(required ? "text" : "note")}: at most {MaxNote} characters.", required ? "text" : "note");
        }
    }

    /// <summary>Checks that <paramref name="incident"/> may move to <paramref name="next"/>; throws <see cref="InvalidOperationException"/> naming it otherwise.</summary>
    public static void CheckTransition(IncidentSnapshot incident, IncidentStatus next)
    {
        if (!Enum.IsDefined(next))
        {
            throw new ArgumentException("status: must be declared, mitigating or resolved.", "status");
        }

        if (incident.Status == IncidentStatus.Resolved)
        {
            throw new InvalidOperationException($"Incident {incident.Id} is resolved; resolved is final.");
        }

        if (incident.Status == next)
        {
            throw new InvalidOperationException($"Incident {incident.Id} is already {Name(next)}.");
        }
    }

    /// <summary>What a status change is called on the timeline and the live feed.</summary>
    public static string Change(IncidentStatus from, IncidentStatus to) =>
        (from, to) is (IncidentStatus.Mitigating, IncidentStatus.Declared) ? "reopened" : Name(to);

    /// <summary>Builds a new incident from its declaration and the alerts behind it (rooms, broadcasters, regions in first-seen order).</summary>
    public static IncidentSnapshot Create(string id, IncidentDeclaration declaration, IReadOnlyList<AlertSnapshot> alerts, string actor, DateTimeOffset now) => new()
    {
        Id = id,
        Title = declaration.Title.Trim(),
        Severity = declaration.Severity,
        Status = IncidentStatus.Declared,
        Commander = declaration.Commander.Trim(),
        DeclaredBy = actor,
        DeclaredAt = now,
        UpdatedAt = now,
        AlertIds = alerts.Select(a => a.Id).ToArray(),
        RoomIds = alerts.Select(a => a.RoomId).Distinct(StringComparer.Ordinal).ToArray(),
        BroadcasterIds = alerts.Select(a => a.BroadcasterId).Distinct(StringComparer.Ordinal).ToArray(),
        Regions = alerts.Select(a => a.Region).Distinct().ToArray(),
        Timeline = [new IncidentTimelineEntry(now, actor, $"declared, commander {declaration.Commander.Trim()}", null)],
        Version = 1,
    };

    public static string Name(IncidentStatus status) => status.ToString().ToLowerInvariant();
}
