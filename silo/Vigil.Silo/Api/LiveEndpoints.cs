using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary>
/// <c>/api/rooms/{id}</c> (and its history), <c>/api/broadcasters/{id}</c> and <c>/api/heat</c>: the live state
/// operators screen, limited to the caller's regions (a room of another region is 403; a broadcaster's open alerts
/// and a heat list are filtered).
/// </summary>
public static class LiveEndpoints
{
    public const int MaxTop = 500;

    public static RouteGroupBuilder MapLiveApi(this RouteGroupBuilder group)
    {
        group.MapGet("/rooms/{roomId}", Room).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/rooms/{roomId}/history", RoomHistory).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/broadcasters/{broadcasterId}", Broadcaster).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/heat", Heat).RequireAuthorization(Roles.SafetyPolicy);
        return group;
    }

    private static async Task<IResult> Room(IGrainFactory grains, ClaimsPrincipal user, string roomId)
    {
        var room = await grains.GetGrain<ILiveRoomGrain>(roomId).GetState();
        return user.Sees(room.Region) ? Results.Ok(room) : ApiScope.OutOfRegion(room.Region);
    }

    private static async Task<IResult> RoomHistory(IGrainFactory grains, ClaimsPrincipal user, string roomId)
    {
        var room = grains.GetGrain<ILiveRoomGrain>(roomId);
        if (user.Regions() is not null && (await room.GetState()).Region is var region && !user.Sees(region))
        {
            return ApiScope.OutOfRegion(region);
        }

        return Results.Ok(await room.GetHistory());
    }

    /// <summary>A broadcaster's standing is the same everywhere; only the open alerts are filtered to the caller's regions.</summary>
    private static async Task<IResult> Broadcaster(IGrainFactory grains, ClaimsPrincipal user, string broadcasterId)
    {
        var broadcaster = await grains.GetGrain<IBroadcasterGrain>(broadcasterId).GetState();
        return Results.Ok(user.Regions() is null
            ? broadcaster
            : broadcaster with { OpenAlertIds = broadcaster.OpenAlertIds.Where(id => AlertIds.RegionOf(id) is { } r && user.Sees(r)).ToArray() });
    }

    private static async Task<IResult> Heat(IGrainFactory grains, ClaimsPrincipal user, string? region, int? top)
    {
        if (!ApiJson.TryParseQuery<Region>(region, "region", out var parsed, out var error))
        {
            return ApiScope.BadRequest(error!);
        }

        if (top is < 1 or > MaxTop)
        {
            return ApiScope.BadRequest($"top: must be between 1 and {MaxTop} (was {top}).");
        }

        var count = top ?? 20;
        if (parsed is { } one)
        {
            return user.Sees(one) ? Results.Ok(await grains.GetGrain<IHeatListGrain>(one.ToString()).Top(count)) : ApiScope.OutOfRegion(one);
        }

        if (user.Regions() is not { } regions)
        {
            return Results.Ok(await grains.GetGrain<IHeatListGrain>("global").Top(count));
        }

        // A caller with some regions gets the hottest rooms of those regions, merged.
        var lists = await Task.WhenAll(regions.Select(r => grains.GetGrain<IHeatListGrain>(r.ToString()).Top(count)));
        return Results.Ok(lists.SelectMany(l => l).OrderByDescending(e => e.Heat).Take(count).ToArray());
    }
}
