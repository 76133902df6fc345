using Vigil.Dashboard.Tests.Browser.Infrastructure;

namespace Vigil.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class HubAuthorizationTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    /// <summary>SignalR sends a HubException's message as "...HubException: forbidden: ..."; SPEC.md's message starts at "forbidden:".</summary>
    private const string Forbidden = "(^|HubException: )forbidden:";

    [Fact]
    public Task AnAdvisorsPageCannotAcknowledgeAnAlertThroughTheLiveHub() => Scenario(async () =>
    {
        var room = await Ingest.RaiseAlert("NA", "harassment");
        var alertId = (await Dashboard.Admin.AlertsOf(room)).Single().GetProperty("id").GetString();
        var curious = await Enter("advisor");
        await curious.SignIn(DemoUser.Advisor, "/inbox");

        var error = await HubCall.ErrorOf(curious.Page, "ActOnAlert", alertId, "acknowledge", "not mine to touch", null);

        Assert.NotNull(error);
        Assert.Matches(Forbidden, error);
        Assert.Equal("open", (await Dashboard.Admin.AlertsOf(room)).Single().GetProperty("status").GetString());
    });

    [Fact]
    public Task AQaReviewersPageCannotResolveAnAlertThroughTheLiveHub() => Scenario(async () =>
    {
        var room = await Ingest.RaiseAlert("EU", "hate");
        var alertId = (await Dashboard.Admin.AlertsOf(room)).Single().GetProperty("id").GetString();
        var reviewer = await Enter("qa");
        await reviewer.SignIn(DemoUser.Qa, "/wall");

        var error = await HubCall.ErrorOf(reviewer.Page, "ActOnAlert", alertId, "resolve", "closing it quietly", null);

        Assert.NotNull(error);
        Assert.Matches(Forbidden, error);
        Assert.Equal("open", (await Dashboard.Admin.AlertsOf(room)).Single().GetProperty("status").GetString());
    });
}
