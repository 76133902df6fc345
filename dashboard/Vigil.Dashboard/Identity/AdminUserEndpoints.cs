using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Vigil.Dashboard.Identity;

/// <summary><c>/api/admin/users</c>: admins list, create, change and delete users; hashes never leave the server.</summary>
public static partial class AdminUserEndpoints
{
    public static RouteGroupBuilder MapAdminUsersApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", (UserStore users) => Results.Ok(users.All().Select(UserView.Of))).RequireAuthorization(Roles.AdminPolicy);
        group.MapPut("/{userName}", Put).RequireAuthorization(Roles.AdminPolicy);
        group.MapDelete("/{userName}", Delete).RequireAuthorization(Roles.AdminPolicy);
        return group;
    }

    private static IResult Put(HttpContext http, string userName, UserUpdateRequest? body, UserStore users, ILoggerFactory loggers)
    {
        if (body is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["must be a JSON user object."] });
        }

        var errors = UserValidation.Profile(userName, body.DisplayName, body.Roles, body.Regions, body.AdvisorId, body.Language)
            .ToList();
        if (UserValidation.Password(body.Password, required: users.Find(userName) is null) is { } passwordError)
        {
            errors.Add(new("password", passwordError));
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => $"{g.Key}: {e.Value}").ToArray()));
        }

        var outcome = users.Upsert(userName, body, out var saved);
        switch (outcome)
        {
            case UserChangeOutcome.WouldLeaveNoAdmin:
                return Results.Conflict(new { error = $"roles: {userName} is the last admin; make another admin first." });
            case UserChangeOutcome.NeedsPassword:
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["password: is required for a new user."] });
        }

        LogChanged(loggers.CreateLogger(typeof(AdminUserEndpoints)), http.User.Identity?.Name ?? "unknown", outcome, saved!.UserName, saved.Roles);
        var view = UserView.Of(saved);
        return outcome == UserChangeOutcome.Created ? Results.Created($"/api/admin/users/{Uri.EscapeDataString(saved.UserName)}", view) : Results.Ok(view);
    }

    private static IResult Delete(HttpContext http, string userName, UserStore users, ILoggerFactory loggers)
    {
        var outcome = users.Delete(userName);
        switch (outcome)
        {
            case UserChangeOutcome.NotFound:
                return Results.NotFound(new { error = $"userName: no user '{UserValidation.Quote(userName)}'." });
            case UserChangeOutcome.WouldLeaveNoAdmin:
                return Results.Conflict(new { error = $"userName: {userName} is the last admin and cannot be deleted." });
            default:
                LogDeleted(loggers.CreateLogger(typeof(AdminUserEndpoints)), http.User.Identity?.Name ?? "unknown", userName);
                return Results.NoContent();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {Admin} {Outcome} user {UserName} with roles {Roles}")]
    private static partial void LogChanged(ILogger logger, string admin, UserChangeOutcome outcome, string userName, List<string> roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {Admin} deleted user {UserName}")]
    private static partial void LogDeleted(ILogger logger, string admin, string userName);
}
