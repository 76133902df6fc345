using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>The harness itself works: the real silo serves, Chromium reaches it, and the alert recipe raises an alert.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HarnessTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public Task ChromiumLoadsTheSilosHealthPage() => Scenario(async () =>
    {
        var visitor = await Enter("visitor");

        var response = await visitor.Page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(visitor.Page.Locator("body"), "the health page to say the silo is ok").ToContainTextAsync("\"status\":\"ok\"");
    });

    [Fact]
    public Task EventsPostedByTheHarnessRaiseOneAlertForTheRoom() => Scenario(async () =>
    {
        var room = await Ingest.RaiseAlert("EU", "minor_safety");

        var alerts = await Dashboard.Admin.AlertsOf(room);

        var alert = Assert.Single(alerts);
        Assert.Equal("P1", alert.GetProperty("severity").GetString());
        Assert.Equal(room.BroadcasterId, alert.GetProperty("broadcasterId").GetString());
    });

    [Fact]
    public Task TheChurnRecipeNudgesOnlyTheAdvisorTheVipWasAssignedTo() => Scenario(async () =>
    {
        var vip = Unique.Id("vip");

        await Ingest.DriveChurn(vip, "NA", "harness-advisor", Dashboard.Admin);

        var nudge = Assert.Single(await Dashboard.Admin.NudgesOf("harness-advisor"), n => n.GetProperty("userId").GetString() == vip);
        Assert.True(nudge.GetProperty("risk").GetInt32() >= 60, $"churn risk {nudge.GetProperty("risk")} should cross the nudge threshold");
        Assert.DoesNotContain(await Dashboard.Admin.NudgesOf("someone-else"), n => n.GetProperty("userId").GetString() == vip);
    });
}
