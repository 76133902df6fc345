namespace Vigil.Silo.Api;

/// <summary>A script's bearer token from <c>Vigil:Api:Tokens</c>: who it is and what roles it has.</summary>
public sealed class ApiToken
{
    public string Name { get; set; } = "";

    public string Token { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
