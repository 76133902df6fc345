namespace Vigil.Dashboard.Identity;

/// <summary>
/// A person who signs in to the dashboard, as configured under <c>Vigil:Users</c> and as stored in
/// <c>&lt;DataPath&gt;/users.json</c>. The password hash is ASP.NET Core's <c>PasswordHasher</c> format and never leaves the server.
/// </summary>
public sealed class UserAccount
{
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Regions the person may see (contract names such as <c>MENA</c>); empty means every region.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>For an advisor, whose VIPs they look after; defaults to the user name.</summary>
    public string? AdvisorId { get; set; }

    /// <summary>UI language: <c>en</c>, <c>ar</c> or <c>es</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Changes whenever an admin changes the account, so cookies issued before the change stop working.</summary>
    public string Stamp { get; set; } = "";

    public UserAccount Copy() => new()
    {
        UserName = UserName,
        DisplayName = DisplayName,
        PasswordHash = PasswordHash,
        Roles = [.. Roles],
        Regions = [.. Regions],
        AdvisorId = AdvisorId,
        Language = Language,
        Stamp = Stamp,
    };
}
