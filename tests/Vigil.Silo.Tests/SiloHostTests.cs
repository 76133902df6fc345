using System.Net;
using System.Text.Json;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests;

public sealed class SiloHostTests
{
    [Fact]
    public async Task TheSiloAnswersHealthOnceItServesGrainCalls()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Vigil__Runtime__CallTimeout", "abc", "'abc' at 'Vigil:Runtime:CallTimeout'")]
    [InlineData("Vigil__Runtime__CallTimeout", "-00:00:01", "Vigil:Runtime:CallTimeout must be a positive duration")]
    [InlineData("Vigil__Runtime__MaxWriteBatchSize", "0", "Vigil:Runtime:MaxWriteBatchSize must be between 1 and 100000 (was '0')")]
    [InlineData("Vigil__Storage", "Disk", "Vigil:Storage must be 'Sqlite' or 'Memory' (was 'Disk')")]
    [InlineData("Vigil__LogLevel", "Loud", "Vigil:LogLevel must be one of")]
    public async Task ABadSettingStopsStartUpWithAMessageNamingTheKeyAndTheValue(string variable, string value, string expected)
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string> { [variable] = value });

        var exitCode = await silo.WaitForExit("start-up to fail");

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, silo.Output);
    }

    [Fact]
    public async Task SigtermShutsTheSiloDownGracefully()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        await http.GetAsync("/health");

        silo.Terminate();
        var exitCode = await silo.WaitForExit("a graceful shutdown after SIGTERM");

        Assert.Equal(0, exitCode);
        Assert.Contains("Grain runtime stopped; 0 activations could not be deactivated", silo.Output);
    }

    [Theory]
    [InlineData(false, "events False")]
    [InlineData(true, "events True")]
    public async Task ThePolicyWatcherListensForFileEventsOnlyAwayFromTheBusyGrainStateDatabase(bool ownFolder, string expected)
    {
        using var data = new TemporaryFolder();
        var environment = ownFolder
            ? new Dictionary<string, string> { ["Vigil__Policy__Path"] = Path.Combine(data.Path, "policy", "policy.json") }
            : [];

        await using var silo = SiloProcess.Start(data.Path, environment);
        await silo.WaitUntilListening();

        Assert.Contains(expected, silo.Output);
    }
}
