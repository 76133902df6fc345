namespace Vigil.Silo.Api;

/// <summary>Read API settings, bound from <c>Vigil:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Vigil:Api";

    public List<ApiToken> Tokens { get; set; } = [];
}
