using Vigil.Dashboard.Tests.Browser.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>Room titles, chat lines and report notes come from the platform's users: the dashboard shows them as text.</summary>
[Collection(DashboardCollection.Name)]
public sealed class UntrustedTextTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const string Title = "<img src=x onerror=\"window.__vigilInjected='title'\"><b data-injected>free coins</b>";
    private const string Chat = "<script>window.__vigilInjected='chat'</script>how old are you<img src=x onerror=alert('chat')>";
    private const string ReportNote = "<iframe data-injected srcdoc=\"<script>parent.__vigilInjected='note'</script>\"></iframe>";

    /// <summary>Anything the payloads above would have added to the page had they been parsed as HTML.</summary>
    private const string Injected = "img[src='x'], [data-injected], iframe, script:not([src])";

    [Fact]
    public Task RoomTitlesAndChatTextContainingHtmlShowAsPlainText() => Scenario(async () =>
    {
        var reader = await Enter("operator");
        await reader.SignIn(DemoUser.Operator, "/wall");

        var room = await Ingest.RaiseAlert("SEA", "minor_safety", title: Title, chat: Chat, reportNote: ReportNote);

        var tile = reader.TileOf(room);
        await Expect(tile.GetByTestId("alert-title"), "the tile to show the room title literally").ToHaveTextAsync(Title);
        await AssertNothingWasInjected(reader, "the wall");

        await reader.Open($"/rooms/{Uri.EscapeDataString(room.RoomId)}");
        await Expect(reader.Page.GetByTestId("room-title"), "the room page to show the title literally").ToHaveTextAsync(Title);
        await AssertNothingWasInjected(reader, "the room page");

        await reader.Open("/heat");
        var row = reader.Page.Locator($"[data-testid='heat-row'][data-room-id='{room.RoomId}']");
        await Expect(row.GetByTestId("heat-title"), "the heat list to show the title literally").ToHaveTextAsync(Title);
        await AssertNothingWasInjected(reader, "the heat list");
    });

    private static async Task AssertNothingWasInjected(Person reader, string view)
    {
        await Expect(reader.Page.Locator(Injected), $"no element parsed out of user text on {view}").ToHaveCountAsync(0);
        Assert.Equal("undefined", await reader.Page.EvaluateAsync<string>("() => typeof window.__vigilInjected"));
        Assert.Empty(reader.Dialogs);
    }
}
