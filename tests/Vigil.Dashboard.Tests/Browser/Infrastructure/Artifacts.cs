namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// Where the browser tests leave what a person reviews: <c>artifacts/screenshots/</c> at the repository root
/// (git-ignored), or under <c>VIGIL_ARTIFACTS</c> when CI wants them elsewhere.
/// </summary>
public static class Artifacts
{
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root(), "screenshots")).FullName;

    public static string ScreenshotPath(string name) => Path.Combine(Screenshots, Sanitize(name) + ".png");

    private static string Root()
    {
        if (Environment.GetEnvironmentVariable("VIGIL_ARTIFACTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.sln")))
            {
                return Path.Combine(folder.FullName, "artifacts");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
