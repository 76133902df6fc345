namespace Vigil.Dashboard.Identity;

/// <summary>The UI languages of the dashboard.</summary>
public static class Languages
{
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [English, "ar", "es"];

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);
}
