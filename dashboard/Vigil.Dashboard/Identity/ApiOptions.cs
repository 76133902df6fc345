namespace Vigil.Dashboard.Identity;

/// <summary>Read API settings, bound from <c>Vigil:Api</c>: the bearer tokens scripts sign in with.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Vigil:Api";

    public List<ApiToken> Tokens { get; set; } = [];
}
