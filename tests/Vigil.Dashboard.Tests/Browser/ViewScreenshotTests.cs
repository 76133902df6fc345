using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>Every view renders its content for the role that uses it, saved as artifacts/screenshots/View-&lt;view&gt;.png.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ViewScreenshotTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Theory]
    [InlineData("sign-in")]
    [InlineData("wall")]
    [InlineData("heat")]
    [InlineData("room")]
    [InlineData("broadcaster")]
    [InlineData("vip")]
    [InlineData("inbox")]
    [InlineData("incidents")]
    [InlineData("admin")]
    public Task EachViewRendersItsContent(string view) => Scenario(async () =>
    {
        var person = await Enter(view);

        var content = await Show(person, view);

        await Expect(content, $"the {view} view's content").ToBeVisibleAsync();
    }, "View-" + view);

    private async Task<ILocator> Show(Person person, string view)
    {
        var page = person.Page;
        switch (view)
        {
            case "sign-in":
                await page.GotoAsync("/sign-in");
                return page.GetByTestId("sign-in-user");
            case "wall":
            {
                await Ingest.RaiseAlert("MENA", "minor_safety");
                await Ingest.RaiseAlert("NA", "harassment");
                var room = await Ingest.RaiseAlert("EU", "violence");
                await person.SignIn(DemoUser.Operator, "/wall");
                return person.TileOf(room);
            }

            case "heat":
            {
                var room = await Ingest.RaiseAlert("EU", "nudity");
                await person.SignIn(DemoUser.Operator, "/heat");
                return page.Locator($"[data-testid='heat-row'][data-room-id='{room.RoomId}']");
            }

            case "room":
            {
                var room = await Ingest.RaiseAlert("MENA", "hate");
                await person.SignIn(DemoUser.Operator, $"/rooms/{room.RoomId}");
                return page.GetByTestId("room-page");
            }

            case "broadcaster":
            {
                var room = await Ingest.RaiseAlert("NA", "weapons");
                await person.SignIn(DemoUser.Operator, $"/broadcasters/{room.BroadcasterId}");
                return page.GetByTestId("broadcaster-page");
            }

            case "vip":
            {
                var vip = Unique.Id("vip");
                await Ingest.DriveChurn(vip, "MENA", DemoUser.Advisor.UserName, Dashboard.Admin);
                await person.SignIn(DemoUser.Advisor, $"/vips/{vip}");
                return page.GetByTestId("vip-page");
            }

            case "inbox":
            {
                var vip = Unique.Id("vip");
                await Ingest.DriveChurn(vip, "MENA", DemoUser.Advisor.UserName, Dashboard.Admin);
                await person.SignIn(DemoUser.Advisor, "/inbox");
                return page.Locator($"[data-testid='nudge-card'][data-user-id='{vip}']");
            }

            case "incidents":
            {
                var room = await Ingest.RaiseAlert("MENA", "self_harm");
                var alertId = (await Dashboard.Admin.AlertsOf(room)).Single().GetProperty("id").GetString();
                await person.SignIn(DemoUser.Commander, "/incidents");
                var declaration = new { title = "Self-harm livestream in " + room.RoomId, severity = "P1", commander = DemoUser.Commander.UserName, alertIds = new[] { alertId } };
                var incident = await HubCall.ResultOf(page, "DeclareIncident", declaration);
                return page.Locator($"[data-testid='incident-card'][data-incident-id='{incident.GetProperty("id").GetString()}']");
            }

            case "admin":
                await person.SignIn(DemoUser.Admin, "/admin");
                return page.GetByTestId("admin-user-row").Filter(new LocatorFilterOptions { HasText = DemoUser.SecondAdvisor.UserName }).First;
            default:
                throw new ArgumentOutOfRangeException(nameof(view), view, "No such view.");
        }
    }
}
