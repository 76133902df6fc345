using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class ReconnectTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    /// <summary>SignalR's default automatic reconnect retries after 0, 2, 10 and 30 s; the link is back within a few seconds.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Reconnecting = new() { Timeout = 45_000 };

    [Fact]
    public Task ADroppedConnectionResynchronisesWithoutLosingAnAlert() => Scenario(async () =>
    {
        var watcher = await Enter("watcher");
        var flaky = await Enter("flaky");
        var link = await LiveHubLink.Install(flaky);
        await watcher.SignIn(DemoUser.Operator, "/wall");
        await flaky.SignIn(DemoUser.Operator, "/wall");

        await flaky.Context.SetOfflineAsync(true);
        await link.Drop();
        await Expect(flaky.ConnectionStatus, "the page to show it lost the live connection")
            .ToHaveAttributeAsync("data-state", new Regex("^(reconnecting|disconnected)$"));
        var room = await Ingest.RaiseAlert("LATAM", "self_harm");
        await Expect(watcher.TileOf(room), "the alert raised during the outage to reach a connected browser").ToBeVisibleAsync();
        await Expect(flaky.TileOf(room), "the disconnected page not to have the alert yet").ToHaveCountAsync(0);
        await Capture(flaky, "while-disconnected");

        await flaky.Context.SetOfflineAsync(false);
        await link.Restore();

        await Expect(flaky.ConnectionStatus, "the page to reconnect once the network is back").ToHaveAttributeAsync("data-state", "connected", Reconnecting);
        await Expect(flaky.TileOf(room), "the alert raised while disconnected to appear after the resync").ToBeVisibleAsync();
        Assert.True(link.SocketsOpened >= 2, $"The page should have opened a new live socket after the drop; it opened {link.SocketsOpened}.");
    });
}
