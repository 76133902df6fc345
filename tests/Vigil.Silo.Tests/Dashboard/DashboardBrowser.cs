using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary>An HTTP client that keeps cookies as a browser does and sends what the dashboard's front end sends.</summary>
internal sealed class DashboardBrowser : IDisposable
{
    private readonly HttpClientHandler _handler;

    public DashboardBrowser(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> SignIn(string userName, string password) =>
        Send(HttpMethod.Post, "/auth/sign-in", new { userName, password });

    /// <summary>Signs in and fails the test with the answer when the silo refuses.</summary>
    public async Task SignInOrFail(string userName, string password)
    {
        using var response = await SignIn(userName, password);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {userName} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A request as the front end makes it: JSON body, <c>X-Vigil-Request: 1</c>.</summary>
    public Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Vigil-Request", "1");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
