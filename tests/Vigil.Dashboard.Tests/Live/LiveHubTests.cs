using System.Net;
using System.Text.Json;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>The hub over a real socket: sign-in required, roles enforced, and the snapshot-then-batches protocol on the wire.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private LiveHubHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LiveHubHost.Start();
        _host.Grains.Alerts["MENA"] = [LiveFixtures.Alert("MENA-1")];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnUnauthenticatedCallerGets401NotARedirect()
    {
        using var http = new HttpClient { BaseAddress = _host.Address };

        using var response = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ACallWithoutTheNeededRoleIsRefusedWithForbidden()
    {
        await using var qa = await RawHubClient.Connect(_host.Address, LiveHubHost.UserValue("qa", Roles.Qa));

        var completion = await qa.Invoke("ActOnAlert", "MENA-1", "acknowledge", null, null);

        // SignalR passes a HubException's message on after its own preamble, which the browser shows as is:
        // "An unexpected error occurred invoking 'ActOnAlert' on the server. HubException: forbidden: ...".
        Assert.Contains("HubException: forbidden:", completion.GetProperty("error").GetString());
        Assert.Empty(_host.Grains.Calls);
    }

    [Fact]
    public async Task AnOperatorGetsASnapshotThenBatchesThatContinueItsSequence()
    {
        await using var op = await RawHubClient.Connect(_host.Address, LiveHubHost.UserValue("op", Roles.Operator, Region.MENA));

        var snapshot = (await op.Invoke("Snapshot")).GetProperty("result");
        _host.Feed.Publish(LiveFixtures.AlertChange("NA-1"));
        _host.Feed.Publish(LiveFixtures.AlertChange("MENA-1", version: 2));
        var batch = await op.NextBatch();

        Assert.Equal("MENA-1", snapshot.GetProperty("alerts")[0].GetProperty("id").GetString());
        Assert.Equal(snapshot.GetProperty("sequence").GetInt64(), batch.GetProperty("after").GetInt64());
        var item = Assert.Single(batch.GetProperty("items").EnumerateArray());
        Assert.Equal("alert", item.GetProperty("kind").GetString());
        Assert.Equal("MENA", item.GetProperty("alert").GetProperty("region").GetString());
        Assert.Equal("P1", item.GetProperty("alert").GetProperty("severity").GetString());
        Assert.Equal(2, item.GetProperty("alert").GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Undefined, item.TryGetProperty("nudge", out var nudge) ? nudge.ValueKind : JsonValueKind.Undefined);
    }

    [Fact]
    public async Task ResumeOverTheWireReturnsTheMissedItems()
    {
        await using var op = await RawHubClient.Connect(_host.Address, LiveHubHost.UserValue("op", Roles.Operator));
        var sequence = (await op.Invoke("Snapshot")).GetProperty("result").GetProperty("sequence").GetInt64();
        _host.Feed.Publish(LiveFixtures.AlertChange("EU-1"));
        await op.NextBatch();

        var resume = (await op.Invoke("Resume", sequence)).GetProperty("result");

        Assert.Equal(JsonValueKind.Null, resume.GetProperty("snapshot").ValueKind);
        Assert.Equal("EU-1", resume.GetProperty("items")[0].GetProperty("alert").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ACommanderDeclaresAnIncidentWithTheSpecsArgumentShape()
    {
        await using var commander = await RawHubClient.Connect(_host.Address, LiveHubHost.UserValue("cmd", Roles.Commander));

        var completion = await commander.Invoke("DeclareIncident", new { title = "raid", severity = "P1", commander = "cmd", alertIds = new[] { "MENA-1" } });

        Assert.Equal("INC-9", completion.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal("P1", completion.GetProperty("result").GetProperty("severity").GetString());
        Assert.Equal(["Declare(raid,P1,MENA-1,cmd)"], _host.Grains.Calls);
    }
}
