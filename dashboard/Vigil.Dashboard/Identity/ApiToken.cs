namespace Vigil.Dashboard.Identity;

/// <summary>A script's bearer token from <c>Vigil:Api:Tokens</c>: who it is, its roles, and optionally its regions and advisor id.</summary>
public sealed class ApiToken
{
    public string Name { get; set; } = "";

    public string Token { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Regions the script may see (contract names such as <c>MENA</c>); empty means every region.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>The advisor whose VIPs an advisor token sees; defaults to the token's name.</summary>
    public string? AdvisorId { get; set; }
}
