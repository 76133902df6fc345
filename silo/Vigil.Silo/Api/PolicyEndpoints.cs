using Vigil.Dashboard.Identity;
using Vigil.Grains.Policy;
using Vigil.Grains.Shadow;

namespace Vigil.Silo.Api;

/// <summary>
/// <c>/api/policy</c>: the active policy and its history, the shadow-mode report of a candidate policy, and (admin)
/// staging, dropping and promoting that candidate.
/// </summary>
public static class PolicyEndpoints
{
    private const int MaxPolicyBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapPolicyApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", Overview).RequireAuthorization(Roles.SafetyPolicy);
        group.MapGet("/shadow", Shadow).RequireAuthorization(Roles.SafetyPolicy);
        group.MapPut("/candidate", Stage).RequireAuthorization(Roles.AdminPolicy);
        group.MapDelete("/candidate", Drop).RequireAuthorization(Roles.AdminPolicy);
        group.MapPost("/candidate/promote", Promote).RequireAuthorization(Roles.AdminPolicy);
        return group;
    }

    private static PolicyOverview Overview(PolicyStore store, PolicyAdministration administration) =>
        new(store.ActiveEntry, store.CandidateEntry, store.History.Reverse().ToArray(), administration.PolicyFile);

    private static IResult Shadow(ShadowMonitor shadow) =>
        shadow.Report() is { } report
            ? Results.Ok(report)
            : Results.NotFound(new { error = "No candidate policy is in shadow mode; an admin stages one with PUT /api/policy/candidate." });

    private static async Task<IResult> Stage(HttpRequest request, PolicyAdministration administration)
    {
        if (request.ContentLength is > MaxPolicyBytes)
        {
            return Results.Problem($"body: a policy is at most {MaxPolicyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Results.Problem("body: the candidate policy JSON is missing.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = administration.StageCandidate(json, ActorOf(request.HttpContext));
        return result.Outcome == PolicyApplyOutcome.Rejected
            ? Results.BadRequest(new { errors = result.Errors })
            : Results.Ok(result.Entry);
    }

    private static IResult Drop(HttpContext http, PolicyAdministration administration) =>
        administration.DropCandidate(ActorOf(http)) ? Results.NoContent() : Results.NotFound(new { error = "No candidate policy is staged." });

    private static IResult Promote(HttpContext http, PolicyAdministration administration)
    {
        var result = administration.Promote(ActorOf(http));
        return result.Applied ? Results.Ok(result.Entry) : Results.Conflict(new { errors = result.Errors });
    }

    private static string ActorOf(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
