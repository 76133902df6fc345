namespace Vigil.Dashboard.Identity;

/// <summary>
/// <c>&lt;DataPath&gt;/users.json</c>: the admin's changes on top of the configured (and demo) users, so a configuration
/// change still takes effect for users the admin never touched.
/// </summary>
internal sealed class UsersFileContent
{
    public int Version { get; set; } = 1;

    /// <summary>Users an admin created or changed; they win over configured users of the same name.</summary>
    public List<UserAccount> Upserts { get; set; } = [];

    /// <summary>Configured or demo users an admin deleted.</summary>
    public List<string> Deleted { get; set; } = [];
}
