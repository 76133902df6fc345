using System.Net;
using System.Net.Http.Headers;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests;

public sealed class ReadApiTests
{
    private static readonly Dictionary<string, string> Tokens = new()
    {
        ["Vigil__Api__Tokens__0__Name"] = "ops-script",
        ["Vigil__Api__Tokens__0__Token"] = "operator-token-0123456789",
        ["Vigil__Api__Tokens__0__Roles__0"] = "operator",
        ["Vigil__Api__Tokens__1__Name"] = "advisor-amal",
        ["Vigil__Api__Tokens__1__Token"] = "advisor-token-0123456789",
        ["Vigil__Api__Tokens__1__Roles__0"] = "advisor",
    };

    [Theory]
    [InlineData(null, "/api/alerts", HttpStatusCode.Unauthorized)]
    [InlineData("not-a-configured-token-at-all", "/api/alerts", HttpStatusCode.Unauthorized)]
    [InlineData("advisor-token-0123456789", "/api/alerts", HttpStatusCode.Forbidden)]
    [InlineData("operator-token-0123456789", "/api/alerts?status=open&region=MENA", HttpStatusCode.OK)]
    [InlineData("operator-token-0123456789", "/api/alerts?region=MARS", HttpStatusCode.BadRequest)]
    [InlineData("operator-token-0123456789", "/api/heat?region=LATAM&top=10", HttpStatusCode.OK)]
    [InlineData("operator-token-0123456789", "/api/vips/u-1", HttpStatusCode.Forbidden)]
    [InlineData("advisor-token-0123456789", "/api/advisors/someone-else/nudges", HttpStatusCode.Forbidden)]
    [InlineData("advisor-token-0123456789", "/api/advisors/advisor-amal/nudges", HttpStatusCode.OK)]
    public async Task EveryReadEndpointChecksTheCallersToken(string? token, string path, HttpStatusCode expected)
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Tokens);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ABadTokenSettingStopsStartUpNamingTheKey()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string>
        {
            ["Vigil__Api__Tokens__0__Name"] = "short",
            ["Vigil__Api__Tokens__0__Token"] = "abc",
            ["Vigil__Api__Tokens__0__Roles__0"] = "superuser",
        });

        Assert.Equal(2, await silo.WaitForExit("start-up to fail"));
        Assert.Contains("Vigil:Api:Tokens:0:Token must be at least 16 characters", silo.Output);
        Assert.Contains("unknown role 'superuser'", silo.Output);
    }
}
