using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// One simulated person at their own browser: a fresh Chromium context (own cookies, own connection) and one page.
/// Keeps what the page complained about (console errors, uncaught errors, dialogs), for the failure message.
/// </summary>
public sealed class Person : IAsyncDisposable
{
    private readonly List<string> _complaints = [];

    private Person(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Note($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Note("page error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            Note($"dialog {dialog.Type}: {dialog.Message}");
            Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public string Name { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every alert/confirm/prompt the page opened (dismissed at once).</summary>
    public List<string> Dialogs { get; } = [];

    public IReadOnlyList<string> Complaints
    {
        get
        {
            lock (_complaints)
            {
                return [.. _complaints];
            }
        }
    }

    public static async Task<Person> Enter(IBrowser browser, Uri baseAddress, string name)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        return new Person(name, context, page);
    }

    /// <summary>Signs in through the sign-in page, as the person would, and waits until the page has left it.</summary>
    public async Task SignInThroughForm(DemoUser user)
    {
        await Page.GotoAsync("/sign-in");
        await Page.GetByTestId("sign-in-user").FillAsync(user.UserName);
        await Page.GetByTestId("sign-in-password").FillAsync(user.Password);
        await Page.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(Page, $"{Name} ({user}) to leave the sign-in page after submitting the right password")
            .Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    /// <summary>Signs in with <c>POST /auth/sign-in</c> from this context, so the cookie is the page's, then opens <paramref name="path"/>.</summary>
    public async Task SignIn(DemoUser user, string path)
    {
        var response = await Context.APIRequest.PostAsync("/auth/sign-in", new APIRequestContextOptions
        {
            DataObject = new { userName = user.UserName, password = user.Password },

            // The dashboard's CSRF guard wants proof that the page's own script sent a state-changing request.
            Headers = new Dictionary<string, string> { ["X-Vigil-Request"] = "1" },
        });
        if (response.Status != (int)HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{Name} could not sign in as {user}: POST /auth/sign-in answered {response.Status} {await response.TextAsync()}");
        }

        await Open(path);
    }

    /// <summary>Opens a client route and waits until the live connection is up, so later pushes reach the page.</summary>
    public async Task Open(string path)
    {
        await Page.GotoAsync(path);
        await Expect(ConnectionStatus, $"{Name}'s page at {path} to connect to /hubs/live (connection-status data-state=connected)")
            .ToHaveAttributeAsync("data-state", "connected");
    }

    public ILocator ConnectionStatus => Page.GetByTestId("connection-status");

    /// <summary>The wall tile of the open alert about <paramref name="room"/> (tiles show the room id in alert-room).</summary>
    public ILocator TileOf(AlertingRoom room) =>
        Page.GetByTestId("alert-tile").Filter(new LocatorFilterOptions { Has = Page.GetByTestId("alert-room").GetByText(room.RoomId) });

    public async Task Screenshot(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.ScreenshotPath(name), FullPage = true });

    private void Note(string complaint)
    {
        lock (_complaints)
        {
            _complaints.Add(complaint);
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
