using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Dashboard.Live;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Feed;
using Vigil.Runtime.Grains;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>
/// The live hub in a real in-process Kestrel on loopback, wired by <see cref="LivePushServiceExtensions"/> as the silo
/// wires it, with fake grains, a test feed, and a test sign-in: the <c>X-Test-User</c> header
/// <c>name;role,role;REGION,REGION</c> (no header: not signed in).
/// </summary>
internal sealed class LiveHubHost : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";

    private readonly WebApplication _app;

    private LiveHubHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public FakeGrains Grains => (FakeGrains)_app.Services.GetRequiredService<IGrainFactory>();

    public ILiveFeed Feed => _app.Services.GetRequiredService<ILiveFeed>();

    public static async Task<LiveHubHost> Start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IGrainFactory>(new FakeGrains());
        builder.Services.AddSingleton<ILiveFeed, TestFeed>();
        builder.Services.AddAuthentication(TestSignIn.SchemeName).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.AddLivePush();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapLivePush();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LiveHubHost(app, new Uri(address));
    }

    public static string UserValue(string name, string roles, params Region[] regions) => $"{name};{roles};{string.Join(",", regions)}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class TestFeed : ILiveFeed
    {
        private readonly Channel<FeedItem> _items = Channel.CreateUnbounded<FeedItem>();

        public void Publish(FeedItem item) => _items.Writer.TryWrite(item);

        public async IAsyncEnumerable<FeedItem> Subscribe([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in _items.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }

    private sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[UserHeader].FirstOrDefault() is not { } value)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var parts = value.Split(';');
            var roles = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
            var regions = parts.Length > 2 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Region>).ToArray() : [];
            var user = LiveFixtures.User(parts[0], roles, regions);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(user.Claims, SchemeName)), SchemeName)));
        }
    }
}
