namespace Vigil.Dashboard.Identity;

/// <summary>The dashboard's sign-in settings, bound from the <c>Vigil</c> section: <c>Mode</c>, <c>Users</c> and <c>DataPath</c>.</summary>
public sealed class DashboardIdentityOptions
{
    public const string SectionName = "Vigil";

    /// <summary><c>Demo</c> or <c>Production</c> (kept as text so a bad value gets a message naming the key).</summary>
    public string Mode { get; set; } = nameof(DashboardMode.Demo);

    public List<UserAccount> Users { get; set; } = [];

    /// <summary>The silo's data folder; admin changes to users persist to <c>users.json</c> in it.</summary>
    public string DataPath { get; set; } = "./data";

    public DashboardMode ParsedMode => Enum.Parse<DashboardMode>(Mode, ignoreCase: true);

    public string UsersFile => Path.Combine(Path.GetFullPath(DataPath), "users.json");
}
