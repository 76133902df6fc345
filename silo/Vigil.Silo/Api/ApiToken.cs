namespace Vigil.Silo.Api;

/// <summary>
/// A script's bearer token from <c>Vigil:Api:Tokens</c>: who it is, what roles it has, which regions it sees (none =
/// all) and, for an advisor, whose VIPs (none = the token's name).
/// </summary>
public sealed class ApiToken
{
    public string Name { get; set; } = "";

    public string Token { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Regions { get; set; } = [];

    public string? AdvisorId { get; set; }
}
