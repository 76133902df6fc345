using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Api;

public sealed class ApiTokenSettingsTests
{
    [Fact]
    public async Task ATokenWithAnUnknownRegionStopsStartUpNamingTheKey()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string>
        {
            ["Vigil__Api__Tokens__0__Name"] = "ops-mars",
            ["Vigil__Api__Tokens__0__Token"] = "operator-token-0123456789",
            ["Vigil__Api__Tokens__0__Roles__0"] = "operator",
            ["Vigil__Api__Tokens__0__Regions__0"] = "MARS",
        });

        Assert.Equal(2, await silo.WaitForExit("start-up to fail"));
        Assert.Contains("Vigil:Api:Tokens:0:Regions has unknown region 'MARS'", silo.Output);
    }
}
