using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// Routes a person's WebSockets to <c>/hubs/live</c> through Playwright, so a test can drop the live connection as a
/// flaky network would, and keep it down (new sockets are closed at once) until <see cref="Restore"/>.
/// Install it before the page opens: only sockets opened afterwards are routed.
/// </summary>
public sealed partial class LiveHubLink
{
    private readonly Lock _gate = new();
    private readonly List<Task> _closing = [];
    private IWebSocketRoute? _current;
    private IWebSocketRoute? _server;
    private bool _down;

    public int SocketsOpened { get; private set; }

    public static async Task<LiveHubLink> Install(Person person)
    {
        var link = new LiveHubLink();
        await person.Context.RouteWebSocketAsync(LiveHub(), link.OnSocket);
        return link;
    }

    /// <summary>Closes the page's live socket with 1011 (server error), as a dropped link looks to the client, and refuses new ones.</summary>
    public async Task Drop()
    {
        IWebSocketRoute? page, server;
        lock (_gate)
        {
            _down = true;
            (page, server) = (_current, _server);
            (_current, _server) = (null, null);
        }

        if (page is not null)
        {
            await page.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "dropped by the browser test" });
        }

        if (server is not null)
        {
            await server.CloseAsync(new WebSocketRouteCloseOptions { Code = 1001, Reason = "dropped by the browser test" });
        }
    }

    public async Task Restore()
    {
        Task[] closing;
        lock (_gate)
        {
            _down = false;
            closing = [.. _closing];
            _closing.Clear();
        }

        await Task.WhenAll(closing);
    }

    private void OnSocket(IWebSocketRoute socket)
    {
        lock (_gate)
        {
            if (_down)
            {
                _closing.Add(socket.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "the link is down" }));
                return;
            }

            _current = socket;
            _server = socket.ConnectToServer();
            SocketsOpened++;
        }
    }

    [GeneratedRegex("/hubs/live")]
    private static partial Regex LiveHub();
}
