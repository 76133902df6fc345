using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Runtime.Grains;

namespace Vigil.Dashboard.Live;

/// <summary>
/// The rules behind the live hub's actions: who may do what to which alert, nudge or incident, what input is accepted,
/// and how grain refusals reach the browser. Every refusal is a <see cref="HubException"/> (the only exception whose
/// message SignalR passes on): <c>forbidden: ...</c> for a missing role or scope, <c>not found: ...</c>, <c>conflict: ...</c>
/// for a transition the grain refuses, and <c>field: problem</c> for bad input.
/// </summary>
public sealed class LiveActions(IGrainFactory grains, TimeProvider time, ILogger<LiveActions> logger)
{
    public const int MaxNoteLength = 2000;
    public const int MaxNameLength = 200;
    public const int MaxIncidentAlerts = 100;

    private static readonly string[] AlertActions = ["acknowledge", "assign", "escalate", "resolve"];
    private static readonly string[] NudgeActions = ["acknowledge", "contacted", "resolve", "snooze"];
    private static readonly string[] IncidentStatuses = ["declared", "mitigating", "resolved"];

    public async Task<AlertSnapshot> ActOnAlert(ClaimsPrincipal user, string? alertId, string? action, string? note, string? assignee)
    {
        RequireRole(user, "acting on alerts", Roles.Operator, Roles.Commander, Roles.Admin);
        var region = RegionOfAlert(alertId, "alertId");
        var parsed = action switch
        {
            "acknowledge" => AlertAction.Acknowledge,
            "assign" => AlertAction.Assign,
            "escalate" => AlertAction.Escalate,
            "resolve" => AlertAction.Resolve,
            _ => throw NotOneOf("action", action, AlertActions),
        };
        CheckText("note", note, required: false, MaxNoteLength);
        CheckText("assignee", assignee, required: parsed == AlertAction.Assign, MaxNameLength);
        RequireRegion(user, region);

        var actor = ActorOf(user);
        var snapshot = await Call(() => grains.GetGrain<IAlertCenterGrain>(region.ToString()).Act(alertId!, parsed, actor, note, assignee));
        logger.LogInformation("{Actor} did {Action} on alert {AlertId} over the live hub", actor, action, alertId);
        return snapshot;
    }

    public async Task<Nudge> ActOnNudge(ClaimsPrincipal user, string? nudgeId, string? advisorId, string? action, DateTimeOffset? snoozeUntil)
    {
        var advisor = RequireOwnAdvisor(user, advisorId);
        CheckText("nudgeId", nudgeId, required: true, MaxNameLength);
        if (Array.IndexOf(NudgeActions, action) < 0)
        {
            throw NotOneOf("action", action, NudgeActions);
        }

        if (action == "snooze" && snoozeUntil is null)
        {
            throw Invalid("snoozeUntil", "required to snooze.");
        }

        if (action == "snooze" && snoozeUntil <= time.GetUtcNow())
        {
            throw Invalid("snoozeUntil", "must be in the future.");
        }

        var inbox = grains.GetGrain<IAdvisorGrain>(advisor);
        var nudge = await Call(() => action switch
        {
            "acknowledge" => inbox.Acknowledge(nudgeId!),
            "contacted" => inbox.MarkContacted(nudgeId!),
            "resolve" => inbox.Resolve(nudgeId!),
            _ => inbox.Snooze(nudgeId!, snoozeUntil!.Value),
        });
        logger.LogInformation("{Actor} did {Action} on nudge {NudgeId} of advisor {AdvisorId} over the live hub", ActorOf(user), action, nudgeId, advisor);
        return nudge;
    }

    public async Task<AdvisorNote> AddNudgeNote(ClaimsPrincipal user, string? nudgeId, string? advisorId, string? text, DateTimeOffset? dueAt)
    {
        var advisor = RequireOwnAdvisor(user, advisorId);
        CheckText("nudgeId", nudgeId, required: true, MaxNameLength);
        CheckText("text", text, required: true, MaxNoteLength);
        var inbox = grains.GetGrain<IAdvisorGrain>(advisor);
        var note = await Call(async () =>
        {
            var nudge = await inbox.GetNudge(nudgeId!);
            return await inbox.AddNote(nudge.UserId, nudge.Id, text!, dueAt);
        });
        logger.LogInformation("{Actor} noted nudge {NudgeId} of advisor {AdvisorId} over the live hub", ActorOf(user), nudgeId, advisor);
        return note;
    }

    public async Task<IncidentSnapshot> DeclareIncident(ClaimsPrincipal user, LiveIncidentDeclaration? declaration)
    {
        RequireRole(user, "declaring incidents", Roles.Operator, Roles.Commander, Roles.Admin);
        if (declaration is null)
        {
            throw Invalid("declaration", "required: { title, severity, commander, alertIds }.");
        }

        CheckText("title", declaration.Title, required: true, MaxNameLength);
        CheckText("commander", declaration.Commander, required: true, MaxNameLength);
        var severity = declaration.Severity switch
        {
            "P1" => Severity.P1,
            "P2" => Severity.P2,
            "P3" => Severity.P3,
            "P4" => Severity.P4,
            _ => throw NotOneOf("severity", declaration.Severity, ["P1", "P2", "P3", "P4"]),
        };
        if (declaration.AlertIds is not { Count: > 0 and <= MaxIncidentAlerts } alertIds)
        {
            throw Invalid("alertIds", $"between 1 and {MaxIncidentAlerts} alert ids.");
        }

        foreach (var alertId in alertIds)
        {
            RequireRegion(user, RegionOfAlert(alertId, "alertIds"));
        }

        var actor = ActorOf(user);
        var incident = await Call(() => grains.GetGrain<IIncidentDeskGrain>(LiveSync.IncidentDeskKey)
            .Declare(new IncidentDeclaration(declaration.Title!, severity, declaration.Commander!, alertIds.Distinct(StringComparer.Ordinal).ToArray()), actor));
        logger.LogInformation("{Actor} declared incident {IncidentId} ({Severity}) from {AlertCount} alerts over the live hub", actor, incident.Id, severity, alertIds.Count);
        return incident;
    }

    public async Task<IncidentSnapshot> SetIncidentStatus(ClaimsPrincipal user, string? incidentId, string? status, string? note)
    {
        RequireRole(user, "changing an incident's status", Roles.Commander, Roles.Admin);
        var parsed = status switch
        {
            "declared" => IncidentStatus.Declared,
            "mitigating" => IncidentStatus.Mitigating,
            "resolved" => IncidentStatus.Resolved,
            _ => throw NotOneOf("status", status, IncidentStatuses),
        };
        CheckText("note", note, required: false, MaxNoteLength);
        var desk = await RequireVisibleIncident(user, incidentId);

        var actor = ActorOf(user);
        var incident = await Call(() => desk.SetStatus(incidentId!, parsed, actor, note));
        logger.LogInformation("{Actor} set incident {IncidentId} to {Status} over the live hub", actor, incidentId, parsed);
        return incident;
    }

    public async Task<IncidentSnapshot> AddIncidentNote(ClaimsPrincipal user, string? incidentId, string? text)
    {
        RequireRole(user, "adding to an incident's timeline", Roles.Operator, Roles.Commander, Roles.Admin);
        CheckText("text", text, required: true, MaxNoteLength);
        var desk = await RequireVisibleIncident(user, incidentId);

        var actor = ActorOf(user);
        var incident = await Call(() => desk.AddNote(incidentId!, actor, text!));
        logger.LogInformation("{Actor} noted incident {IncidentId} over the live hub", actor, incidentId);
        return incident;
    }

    private static void RequireRole(ClaimsPrincipal user, string what, params string[] roles)
    {
        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return;
            }
        }

        throw new HubException($"forbidden: {what} needs the role {string.Join(" or ", roles)}.");
    }

    private static void RequireRegion(ClaimsPrincipal user, Region region)
    {
        if (!user.CanSeeRegion(region))
        {
            throw new HubException($"forbidden: region {region} is not one of your regions.");
        }
    }

    /// <summary>An advisor acts on their own inbox only; an admin on anyone's. Returns the advisor id to act on.</summary>
    private static string RequireOwnAdvisor(ClaimsPrincipal user, string? advisorId)
    {
        RequireRole(user, "acting on nudges", Roles.Advisor, Roles.Admin);
        CheckText("advisorId", advisorId, required: true, MaxNameLength);
        if (!user.IsInRole(Roles.Admin) && !string.Equals(user.AdvisorIdOf(), advisorId, StringComparison.Ordinal))
        {
            throw new HubException("forbidden: advisors act on their own nudges only.");
        }

        return advisorId!;
    }

    private async Task<IIncidentDeskGrain> RequireVisibleIncident(ClaimsPrincipal user, string? incidentId)
    {
        CheckText("incidentId", incidentId, required: true, MaxNameLength);
        var desk = grains.GetGrain<IIncidentDeskGrain>(LiveSync.IncidentDeskKey);
        var incident = await desk.Get(incidentId!) ?? throw new HubException($"not found: no incident {incidentId}.");
        if (!LiveAudience.Of(user).CanSeeRegions(incident.Regions))
        {
            throw new HubException($"forbidden: incident {incidentId} is in regions that are not yours.");
        }

        return desk;
    }

    private static Region RegionOfAlert(string? alertId, string field)
    {
        CheckText(field, alertId, required: true, MaxNameLength);
        return AlertIds.RegionOf(alertId) ?? throw Invalid(field, $"'{alertId}' is not an alert id; {AlertIds.FormatHint}.");
    }

    private static void CheckText(string field, string? value, bool required, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                throw Invalid(field, "required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            throw Invalid(field, $"at most {maxLength} characters (was {value.Length}).");
        }
    }

    private static HubException Invalid(string field, string problem) => new($"{field}: {problem}");

    private static HubException NotOneOf(string field, string? value, string[] allowed) =>
        Invalid(field, value is null ? $"required, one of {string.Join(", ", allowed)}." : $"'{Shorten(value)}' is not one of {string.Join(", ", allowed)}.");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    /// <summary>Turns the grains' documented refusals into messages the browser can show.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KeyNotFoundException exception)
        {
            throw new HubException("not found: " + exception.Message);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            throw new HubException("conflict: " + exception.Message);
        }
    }
}
