namespace Vigil.Dashboard.Identity;

/// <summary>A user as the admin page sees it: everything but the password hash.</summary>
public sealed record UserView(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Regions,
    string? AdvisorId,
    string Language)
{
    public static UserView Of(UserAccount user) =>
        new(user.UserName, user.DisplayName, [.. user.Roles], [.. user.Regions], user.AdvisorId, user.Language);
}
