namespace Vigil.Dashboard.Identity;

/// <summary>
/// <c>Vigil:Mode</c>: <c>Demo</c> (the README's run command) creates demo users with known passwords;
/// <c>Production</c> never does and needs an admin in <c>Vigil:Users</c>.
/// </summary>
public enum DashboardMode
{
    Demo,
    Production,
}
