using Vigil.Dashboard.Identity;
using System.Security.Claims;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;
using Vigil.Ingest.Delivery;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary>
/// VIP retention: a VIP's churn profile and history, an advisor's open nudges and portfolio, and the admin roster. An
/// advisor sees only the VIPs assigned to their advisor id and only their own nudges; admins see everything.
/// </summary>
public static class VipEndpoints
{
    public const int MaxRosterBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapVipApi(this RouteGroupBuilder group)
    {
        group.MapGet("/vips/{userId}", GetVip).RequireAuthorization(Roles.VipPolicy);
        group.MapGet("/vips/{userId}/history", GetHistory).RequireAuthorization(Roles.VipPolicy);
        group.MapGet("/advisors/{advisorId}/nudges", GetNudges).RequireAuthorization(Roles.VipPolicy);
        group.MapGet("/advisors/{advisorId}/portfolio", GetPortfolio).RequireAuthorization(Roles.VipPolicy);
        group.MapPut("/vips/{userId}", Assign).RequireAuthorization(Roles.AdminPolicy);
        group.MapPost("/vips/roster", ImportRoster).RequireAuthorization(Roles.AdminPolicy);
        return group;
    }

    private static async Task<IResult> GetVip(IGrainFactory grains, ClaimsPrincipal user, string userId)
    {
        var profile = await grains.GetGrain<IVipUserGrain>(userId).GetProfile();
        return user.ActsFor(profile.AdvisorId) ? Results.Ok(profile) : NotYourVip(userId);
    }

    private static async Task<IResult> GetHistory(IGrainFactory grains, ClaimsPrincipal user, string userId)
    {
        var vip = grains.GetGrain<IVipUserGrain>(userId);
        if (!user.IsAdmin() && !user.ActsFor((await vip.GetProfile()).AdvisorId))
        {
            return NotYourVip(userId);
        }

        return Results.Ok(await vip.GetHistory());
    }

    private static async Task<IResult> GetNudges(IGrainFactory grains, ClaimsPrincipal user, string advisorId)
    {
        if (!user.ActsFor(advisorId))
        {
            return ApiScope.Forbidden("An advisor sees only their own nudges.");
        }

        return Results.Ok(await grains.GetGrain<IAdvisorGrain>(advisorId).GetNudges());
    }

    /// <summary>The advisor's VIP profiles, riskiest first (ties by user id).</summary>
    private static async Task<IResult> GetPortfolio(IGrainFactory grains, ClaimsPrincipal user, string advisorId)
    {
        if (!user.ActsFor(advisorId))
        {
            return ApiScope.Forbidden("An advisor sees only their own portfolio.");
        }

        var userIds = await grains.GetGrain<IAdvisorGrain>(advisorId).GetPortfolio();
        var profiles = await Task.WhenAll(userIds.Select(id => grains.GetGrain<IVipUserGrain>(id).GetProfile()));
        return Results.Ok(profiles.OrderByDescending(p => p.ChurnRisk).ThenBy(p => p.UserId, StringComparer.Ordinal).ToArray());
    }

    private static async Task<IResult> Assign(IGrainFactory grains, IEventSink sink, string userId, VipAssignmentRequest? body)
    {
        if (string.IsNullOrWhiteSpace(body?.AdvisorId) || body.AdvisorId.Length > 128)
        {
            return Results.Problem("advisorId: required, 1-128 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var assignment = await grains.GetGrain<IVipUserGrain>(userId).Assign(body.AdvisorId, body.Tier);
            (sink as GrainEventSink)?.MarkEngaged(userId);
            return Results.Ok(assignment);
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ImportRoster(IGrainFactory grains, IEventSink sink, HttpRequest request, string? region)
    {
        if (!ApiJson.TryParseQuery<Region>(region, "region", out var parsed, out var error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (request.ContentLength > MaxRosterBytes)
        {
            return Results.Problem($"The roster is larger than {MaxRosterBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var csv = await reader.ReadToEndAsync();
        var result = await grains.GetGrain<IAdvisorDirectoryGrain>((parsed ?? Region.OTHER).ToString()).ImportRoster(csv);
        if (sink is GrainEventSink events)
        {
            // Assigned VIPs count as engaged, so their viewing reaches their grains from now on.
            foreach (var userId in result.AppliedUserIds)
            {
                events.MarkEngaged(userId);
            }
        }

        return Results.Ok(result);
    }

    private static IResult NotYourVip(string userId) => ApiScope.Forbidden($"VIP {userId} is not in your portfolio.");
}
