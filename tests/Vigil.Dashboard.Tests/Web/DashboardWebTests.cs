using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Dashboard.Web;
using Vigil.Testing.Silo;

namespace Vigil.Dashboard.Tests.Web;

/// <summary>How the silo serves the browser app: index.html for client routes only, and the bundle's caching.</summary>
public sealed class DashboardWebTests : IAsyncLifetime
{
    private const string IndexHtml = "<!doctype html><title>Vigil</title>";

    private readonly TemporaryFolder folder = new();
    private WebApplication? app;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var webRoot = Directory.CreateDirectory(Path.Combine(folder.Path, "wwwroot")).FullName;
        await File.WriteAllTextAsync(Path.Combine(webRoot, "index.html"), IndexHtml);
        await File.WriteAllTextAsync(Path.Combine(webRoot, "app.js"), "console.log(1);");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder.Path });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthorization();
        builder.AddDashboardWeb();
        app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/api/ping", () => "pong");
        app.MapDashboardWeb();
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        folder.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wall")]
    [InlineData("/rooms/room-1")]
    [InlineData("/incidents/INC-1")]
    [InlineData("/sign-in")]
    public async Task ClientRouteAnswersIndexHtmlThatIsRevalidatedOnEveryLoad(string route)
    {
        var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IndexHtml, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html must be served with Cache-Control: no-cache");
    }

    [Theory]
    [InlineData("/api/unknown")]
    [InlineData("/hubs/unknown")]
    [InlineData("/auth/unknown")]
    [InlineData("/rooms/room-1/extra")]
    [InlineData("/index.html.bak")]
    public async Task ServerPathsAndUnknownPathsAreNotAnsweredWithIndexHtml(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HeadOfAClientRouteAnswersLikeGetWithoutABody()
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, "/heat");

        var response = await client.SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IndexHtml.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task ApiEndpointsKeepTheirOwnAnswers()
    {
        Assert.Equal("pong", await client.GetStringAsync("/api/ping"));
    }

    [Fact]
    public async Task BundleRequestedWithItsHashIsImmutableForAYear()
    {
        var response = await client.GetAsync("/app.js?v=0123456789ab");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task BundleRequestedWithoutAHashIsRevalidated()
    {
        var response = await client.GetAsync("/app.js");

        Assert.True(response.Headers.CacheControl?.NoCache, "an unhashed bundle URL must not be cached for a year");
    }

    [Fact]
    public async Task UnchangedBundleAnswersNotModifiedToItsEntityTag()
    {
        var first = await client.GetAsync("/app.js?v=1");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.js?v=1");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
