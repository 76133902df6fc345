using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Runtime.Grains;

namespace Vigil.Silo.Api;

/// <summary><c>/api/rooms/{id}</c>, <c>/api/broadcasters/{id}</c> and <c>/api/heat</c>: the live state operators screen.</summary>
public static class LiveEndpoints
{
    public const int MaxTop = 500;

    public static RouteGroupBuilder MapLiveApi(this RouteGroupBuilder group)
    {
        group.MapGet("/rooms/{roomId}", async (IGrainFactory grains, string roomId) =>
            Results.Ok(await grains.GetGrain<ILiveRoomGrain>(roomId).GetState())).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/broadcasters/{broadcasterId}", async (IGrainFactory grains, string broadcasterId) =>
            Results.Ok(await grains.GetGrain<IBroadcasterGrain>(broadcasterId).GetState())).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/heat", Heat).RequireAuthorization(Roles.SafetyPolicy);
        return group;
    }

    private static async Task<IResult> Heat(IGrainFactory grains, string? region, int? top)
    {
        if (!ApiJson.TryParseQuery<Region>(region, "region", out var parsed, out var error))
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (top is < 1 or > MaxTop)
        {
            return Results.Problem($"top: must be between 1 and {MaxTop} (was {top}).", statusCode: StatusCodes.Status400BadRequest);
        }

        var list = grains.GetGrain<IHeatListGrain>(parsed?.ToString() ?? "global");
        return Results.Ok(await list.Top(top ?? 20));
    }
}
