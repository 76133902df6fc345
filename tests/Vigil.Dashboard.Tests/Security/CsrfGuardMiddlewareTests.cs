using Microsoft.AspNetCore.Http;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Tests.Security;

public sealed class CsrfGuardMiddlewareTests
{
    [Theory]
    [InlineData("POST", "/auth/sign-in", null, "1", "application/json", true)]
    [InlineData("POST", "/auth/sign-in", null, null, "application/json", false)]
    [InlineData("POST", "/auth/sign-in", null, "1", "application/x-www-form-urlencoded", false)]
    [InlineData("POST", "/auth/sign-in", null, "1", "text/plain", false)]
    [InlineData("POST", "/auth/sign-out", null, "1", null, true)]
    [InlineData("DELETE", "/api/admin/users/x", "vigil.auth=abc", null, null, false)]
    [InlineData("DELETE", "/api/admin/users/x", "vigil.auth=abc", "1", null, true)]
    [InlineData("POST", "/api/alerts/MENA-1/acknowledge", "vigil.auth=abc", "1", "application/json; charset=utf-8", true)]
    [InlineData("POST", "/api/events", null, null, "application/x-ndjson", true)]
    [InlineData("GET", "/auth/me", "vigil.auth=abc", null, null, true)]
    [InlineData("POST", "/hubs/live/negotiate", "vigil.auth=abc", null, null, true)]
    public async Task OnlyBrowserRequestsThatCouldBeForgedMustProveTheyAreNot(
        string method, string path, string? cookie, string? proof, string? contentType, bool passes)
    {
        var context = Request(method, path, cookie, proof, contentType);
        var reached = false;
        var guard = new CsrfGuardMiddleware(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        await guard.InvokeAsync(context);

        Assert.Equal(passes, reached);
        Assert.Equal(passes ? 200 : 400, context.Response.StatusCode);
    }

    [Fact]
    public async Task ABearerRequestIsExemptEvenWithACookie()
    {
        var context = Request("POST", "/api/alerts/MENA-1/resolve", "vigil.auth=abc", null, "text/plain");
        context.Request.Headers.Authorization = "Bearer some-script-token-123";
        var reached = false;

        await new CsrfGuardMiddleware(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        }).InvokeAsync(context);

        Assert.True(reached);
    }

    private static DefaultHttpContext Request(string method, string path, string? cookie, string? proof, string? contentType)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (proof is not null)
        {
            context.Request.Headers[CsrfGuardMiddleware.HeaderName] = proof;
        }

        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
            context.Request.ContentLength = 2;
        }

        return context;
    }
}
