using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Dashboard.Tests.Client;

/// <summary>
/// The browser words server reasons through <c>reason.&lt;code&gt;</c> messages; a code without one falls back to English,
/// which is what an Arabic or Spanish user must never see for a reason the server can produce.
/// </summary>
public sealed partial class ReasonTranslationTests
{
    private static readonly string[] Languages = ["en", "ar", "es"];

    /// <summary>The holes the client knows how to fill (i18n.ts <c>reasonArg</c>); <c>duration</c> comes from days or hours.</summary>
    private static readonly string[] KnownHoles = ["percent", "days", "count", "score", "category", "adds", "duration"];

    [Fact]
    public void EveryReasonCodeTheServerProducesHasATranslationInEveryLanguage()
    {
        var missing =
            from language in Languages
            let table = Table(language)
            from code in ReasonCodes.All
            where !table.TryGetValue("reason." + code, out var message) || string.IsNullOrWhiteSpace(message)
            select $"{language}.json: reason.{code}";

        Assert.Empty(missing);
    }

    [Fact]
    public void NoReasonTranslationIsLeftForACodeTheServerDoesNotProduce()
    {
        var stale =
            from language in Languages
            from key in Table(language).Keys
            where key.StartsWith("reason.", StringComparison.Ordinal) && !ReasonCodes.All.Contains(key["reason.".Length..])
            select $"{language}.json: {key}";

        Assert.Empty(stale);
    }

    [Fact]
    public void ReasonTranslationsUseOnlyHolesTheClientFills()
    {
        var unknown =
            from language in Languages
            from entry in Table(language)
            where entry.Key.StartsWith("reason.", StringComparison.Ordinal)
            from hole in Hole().Matches(entry.Value).Select(m => m.Groups[1].Value)
            where !KnownHoles.Contains(hole)
            select $"{language}.json: {entry.Key} has {{{hole}}}";

        Assert.Empty(unknown);
    }

    private static Dictionary<string, string> Table(string language)
    {
        var path = Path.Combine(RepositoryRoot(), "dashboard", "Vigil.Dashboard", "client", "src", "i18n", language + ".json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Orleans.sln above {AppContext.BaseDirectory}; the translation tables are found from the repository root.");
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Hole();
}
