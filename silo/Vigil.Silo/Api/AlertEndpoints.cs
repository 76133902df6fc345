using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary>
/// <c>/api/alerts</c>: list alerts across the caller's regions, read an alert's audit trail, act on an alert. An alert of
/// a region the caller does not see is 403.
/// </summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", List).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/{alertId}/audit", Audit).RequireAuthorization(Roles.SafetyPolicy);
        group.MapPost("/{alertId}/{action}", Act).RequireAuthorization(Roles.ActOnAlertsPolicy);
        return group;
    }

    private static async Task<IResult> List(IGrainFactory grains, ClaimsPrincipal user, string? status, string? region, string? category)
    {
        if (!ApiJson.TryParseQuery<AlertStatus>(status, "status", out var statusFilter, out var error)
            || !ApiJson.TryParseQuery<Region>(region, "region", out var regionFilter, out error)
            || !ApiJson.TryParseQuery<Category>(category, "category", out var categoryFilter, out error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (regionFilter is { } asked && !user.Sees(asked))
        {
            return ApiScope.OutOfRegion(asked);
        }

        var regions = regionFilter is { } one ? [one] : Enum.GetValues<Region>().Where(user.Sees).ToArray();
        var lists = await Task.WhenAll(regions.Select(r => grains.GetGrain<IAlertCenterGrain>(r.ToString()).List(statusFilter, categoryFilter)));
        return Results.Ok(lists.SelectMany(l => l).OrderBy(a => a.Severity).ThenBy(a => a.RaisedAt));
    }

    private static async Task<IResult> Audit(IGrainFactory grains, ClaimsPrincipal user, string alertId)
    {
        if (AlertIds.RegionOf(alertId) is { } region && !user.Sees(region))
        {
            return ApiScope.OutOfRegion(region);
        }

        try
        {
            return Results.Ok(await CenterOf(grains, alertId).Audit(alertId));
        }
        catch (Exception exception) when (exception is KeyNotFoundException or ArgumentException)
        {
            return Results.NotFound(new { error = exception.Message });
        }
    }

    private static async Task<IResult> Act(IGrainFactory grains, HttpContext http, string alertId, string action, AlertActionRequest? body)
    {
        if (!ApiJson.TryParseQuery<AlertAction>(action, "action", out var parsed, out var error) || parsed is null)
        {
            return Results.Problem(error ?? "action: missing.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (AlertIds.RegionOf(alertId) is { } region && !http.User.Sees(region))
        {
            return ApiScope.OutOfRegion(region);
        }

        if (body?.Note is { Length: > 2000 })
        {
            return Results.Problem("note: at most 2000 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var actor = http.User.Identity?.Name ?? "unknown";
            return Results.Ok(await CenterOf(grains, alertId).Act(alertId, parsed.Value, actor, body?.Note, body?.Assignee));
        }
        catch (KeyNotFoundException exception)
        {
            return Results.NotFound(new { error = exception.Message });
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return Results.Conflict(new { error = exception.Message });
        }
    }

    private static IAlertCenterGrain CenterOf(IGrainFactory grains, string alertId) =>
        AlertIds.RegionOf(alertId) is { } region
            ? grains.GetGrain<IAlertCenterGrain>(region.ToString())
            : throw new KeyNotFoundException($"No alert {alertId}: {AlertIds.FormatHint}.");
}
