namespace Vigil.Dashboard.Identity;

/// <summary>
/// The demo mode's people, one per role (SPEC.md): password = user name + <c>-demo</c>. Only <see cref="DashboardMode.Demo"/>
/// creates them; in Production such a password is refused even for an account that happens to have it.
/// </summary>
public static class DemoUsers
{
    public const string PasswordSuffix = "-demo";

    public static IReadOnlyList<UserAccount> Profiles { get; } =
    [
        Profile("operator", "Demo Operator", [Roles.Operator], [], null, "en"),
        Profile("mena-operator", "Demo MENA Operator", [Roles.Operator], ["MENA"], null, "en"),
        Profile("advisor", "Demo Advisor", [Roles.Advisor], ["MENA"], "advisor", "ar"),
        Profile("advisor2", "Demo Advisor Two", [Roles.Advisor], ["NA"], "advisor2", "en"),
        Profile("commander", "Demo Commander", [Roles.Commander], [], null, "en"),
        Profile("qa", "Demo QA", [Roles.Qa], [], null, "es"),
        Profile("admin", "Demo Admin", [Roles.Admin], [], null, "en"),
    ];

    public static string PasswordOf(string userName) => userName + PasswordSuffix;

    /// <summary>True when the pair is a demo user name with its demo password.</summary>
    public static bool IsDemoPassword(string userName, string password) =>
        Profiles.Any(p => p.UserName.Equals(userName, StringComparison.OrdinalIgnoreCase))
        && password.Equals(PasswordOf(userName), StringComparison.OrdinalIgnoreCase);

    private static UserAccount Profile(string userName, string displayName, List<string> roles, List<string> regions, string? advisorId, string language) =>
        new() { UserName = userName, DisplayName = displayName, Roles = roles, Regions = regions, AdvisorId = advisorId, Language = language };
}
