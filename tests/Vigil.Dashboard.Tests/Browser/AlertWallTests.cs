using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class AlertWallTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public Task AnOperatorWhoSignsInSeesTheAlertThatIngestedEventsRaiseOnTheWall() => Scenario(async () =>
    {
        var layla = await Enter("operator");
        await layla.SignInThroughForm(DemoUser.Operator);
        await layla.Open("/wall");

        var room = await Ingest.RaiseAlert("MENA", "minor_safety");

        var tile = layla.TileOf(room);
        await Expect(tile, $"a tile for the minor_safety alert of {room.RoomId} on the operator's wall").ToBeVisibleAsync();
        await Expect(tile, "the tile to show the alert as P1").ToHaveAttributeAsync("data-severity", "P1");
        await Expect(tile.GetByTestId("alert-reasons"), "the tile's reasons to name the classifier evidence").ToContainTextAsync("classifier");
    });

    [Fact]
    public Task AcknowledgingAnAlertInOneBrowserUpdatesItsTileInASecondBrowser() => Scenario(async () =>
    {
        var acting = await Enter("acting-operator");
        var watching = await Enter("watching-operator");
        await acting.SignIn(DemoUser.Operator, "/wall");
        await watching.SignIn(DemoUser.MenaOperator, "/wall");

        // harassment has no P1: a P2's 300 s SLA cannot escalate the alert before the operator acknowledges it.
        var room = await Ingest.RaiseAlert("MENA", "harassment");
        await Expect(watching.TileOf(room), "the new alert's tile in the second browser").ToHaveAttributeAsync("data-status", "open");
        var tile = acting.TileOf(room);
        await tile.GetByTestId("alert-note").FillAsync("Spoke to the broadcaster; watching the room");
        await tile.GetByTestId("alert-ack").ClickAsync();

        await Expect(watching.TileOf(room), "the second browser's tile to turn acknowledged without a reload")
            .ToHaveAttributeAsync("data-status", "acknowledged");
        await Expect(acting.TileOf(room), "the acting browser's own tile to turn acknowledged").ToHaveAttributeAsync("data-status", "acknowledged");
    });
}
