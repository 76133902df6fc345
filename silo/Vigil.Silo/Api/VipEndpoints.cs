using Vigil.Dashboard.Identity;
using System.Security.Claims;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary>
/// VIP retention: a VIP's churn profile, an advisor's open nudges, and the admin roster. An advisor sees only the VIPs
/// assigned to them and only their own nudges; admins see everything.
/// </summary>
public static class VipEndpoints
{
    public const int MaxRosterBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapVipApi(this RouteGroupBuilder group)
    {
        group.MapGet("/vips/{userId}", GetVip).RequireAuthorization(Roles.VipPolicy);
        group.MapGet("/advisors/{advisorId}/nudges", GetNudges).RequireAuthorization(Roles.VipPolicy);
        group.MapPut("/vips/{userId}", Assign).RequireAuthorization(Roles.AdminPolicy);
        group.MapPost("/vips/roster", ImportRoster).RequireAuthorization(Roles.AdminPolicy);
        return group;
    }

    private static async Task<IResult> GetVip(IGrainFactory grains, ClaimsPrincipal user, string userId)
    {
        var profile = await grains.GetGrain<IVipUserGrain>(userId).GetProfile();
        return IsAdmin(user) || profile.AdvisorId == user.Identity?.Name
            ? Results.Ok(profile)
            : Results.Problem($"VIP {userId} is not in your portfolio.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> GetNudges(IGrainFactory grains, ClaimsPrincipal user, string advisorId)
    {
        if (!IsAdmin(user) && advisorId != user.Identity?.Name)
        {
            return Results.Problem("An advisor sees only their own nudges.", statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Ok(await grains.GetGrain<IAdvisorGrain>(advisorId).GetNudges());
    }

    private static async Task<IResult> Assign(IGrainFactory grains, string userId, VipAssignmentRequest? body)
    {
        if (string.IsNullOrWhiteSpace(body?.AdvisorId) || body.AdvisorId.Length > 128)
        {
            return Results.Problem("advisorId: required, 1-128 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return Results.Ok(await grains.GetGrain<IVipUserGrain>(userId).Assign(body.AdvisorId, body.Tier));
        }
        catch (ArgumentException exception)
        {
            return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ImportRoster(IGrainFactory grains, HttpRequest request, string? region)
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
        return Results.Ok(result);
    }

    private static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
