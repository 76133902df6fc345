using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary>
/// <c>/api/incidents</c>: list, read, declare, change status, add notes. Operators, QA and commanders see an incident
/// when it touches one of their regions; declaring needs every alert to be in the caller's regions.
/// </summary>
public static class IncidentEndpoints
{
    public const string DeskKey = "global";

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/{incidentId}", Get).RequireAuthorization(Roles.SafetyPolicy);
        group.MapPost("/", Declare).RequireAuthorization(Roles.ActOnAlertsPolicy);
        group.MapPost("/{incidentId}/status", SetStatus).RequireAuthorization(Roles.CommandIncidentsPolicy);
        group.MapPost("/{incidentId}/notes", AddNote).RequireAuthorization(Roles.ActOnAlertsPolicy);
        return group;
    }

    /// <summary>True when the caller sees every region, or one of the incident's.</summary>
    public static bool Sees(this ClaimsPrincipal user, IncidentSnapshot incident) =>
        user.Regions() is null || incident.Regions.Any(user.Sees);

    private static async Task<IResult> List(IGrainFactory grains, ClaimsPrincipal user, string? includeResolved)
    {
        var include = false;
        if (!string.IsNullOrEmpty(includeResolved) && !bool.TryParse(includeResolved, out include))
        {
            return ApiScope.BadRequest($"includeResolved: '{includeResolved}' is not true or false.");
        }

        var incidents = await Desk(grains).List(include);
        return Results.Ok(incidents.Where(user.Sees).ToArray());
    }

    private static async Task<IResult> Get(IGrainFactory grains, ClaimsPrincipal user, string incidentId) =>
        await Desk(grains).Get(incidentId) switch
        {
            null => NotFound(incidentId),
            var incident when !user.Sees(incident) => NotYours(incidentId),
            var incident => Results.Ok(incident),
        };

    private static async Task<IResult> Declare(IGrainFactory grains, ClaimsPrincipal user, IncidentDeclarationRequest? body)
    {
        if (body is null)
        {
            return ApiScope.BadRequest("body: a JSON object { title, severity, commander, alertIds } is required.");
        }

        if (string.IsNullOrEmpty(body.Severity))
        {
            return ApiScope.BadRequest("severity: required, one of P1, P2, P3, P4.");
        }

        if (!ApiJson.TryParseQuery<Severity>(body.Severity, "severity", out var severity, out var error))
        {
            return ApiScope.BadRequest(error!);
        }

        foreach (var alertId in body.AlertIds ?? [])
        {
            if (AlertIds.RegionOf(alertId ?? "") is { } region && !user.Sees(region))
            {
                return ApiScope.Forbidden($"alertIds: alert {alertId} is in region {region}, which is not one of your regions.");
            }
        }

        var declaration = new IncidentDeclaration(body.Title ?? "", severity!.Value, body.Commander ?? "", body.AlertIds ?? []);
        try
        {
            var incident = await Desk(grains).Declare(declaration, Actor(user));
            return Results.Created($"/api/incidents/{incident.Id}", incident);
        }
        catch (ArgumentException exception)
        {
            return ApiScope.BadRequest(exception.Message);
        }
        catch (KeyNotFoundException exception)
        {
            return ApiScope.BadRequest("alertIds: " + exception.Message);
        }
    }

    private static async Task<IResult> SetStatus(IGrainFactory grains, ClaimsPrincipal user, string incidentId, IncidentStatusRequest? body)
    {
        if (string.IsNullOrEmpty(body?.Status))
        {
            return ApiScope.BadRequest("status: required, one of declared, mitigating, resolved.");
        }

        if (!ApiJson.TryParseQuery<IncidentStatus>(body.Status, "status", out var status, out var error))
        {
            return ApiScope.BadRequest(error!);
        }

        return await Change(grains, user, incidentId, desk => desk.SetStatus(incidentId, status!.Value, Actor(user), body.Note));
    }

    private static Task<IResult> AddNote(IGrainFactory grains, ClaimsPrincipal user, string incidentId, IncidentNoteRequest? body) =>
        Change(grains, user, incidentId, desk => desk.AddNote(incidentId, Actor(user), body?.Text ?? ""));

    private static async Task<IResult> Change(IGrainFactory grains, ClaimsPrincipal user, string incidentId, Func<IIncidentDeskGrain, Task<IncidentSnapshot>> change)
    {
        var desk = Desk(grains);
        if (await desk.Get(incidentId) is not { } incident)
        {
            return NotFound(incidentId);
        }

        if (!user.Sees(incident))
        {
            return NotYours(incidentId);
        }

        try
        {
            return Results.Ok(await change(desk));
        }
        catch (ArgumentException exception)
        {
            return ApiScope.BadRequest(exception.Message);
        }
        catch (KeyNotFoundException)
        {
            return NotFound(incidentId);
        }
        catch (InvalidOperationException exception)
        {
            return Results.Conflict(new { error = exception.Message });
        }
    }

    private static IIncidentDeskGrain Desk(IGrainFactory grains) => grains.GetGrain<IIncidentDeskGrain>(DeskKey);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static IResult NotFound(string incidentId) => Results.NotFound(new { error = $"No incident {incidentId}." });

    private static IResult NotYours(string incidentId) => ApiScope.Forbidden($"Incident {incidentId} touches none of your regions.");
}
