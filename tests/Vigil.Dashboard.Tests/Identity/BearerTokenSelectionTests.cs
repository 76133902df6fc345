using Microsoft.AspNetCore.Http;
using Vigil.Dashboard.Identity;

namespace Vigil.Dashboard.Tests.Identity;

public sealed class BearerTokenSelectionTests
{
    [Theory]
    [InlineData("/api/alerts", "Bearer abc", null, true)]
    [InlineData("/api/alerts", "bearer abc", null, true)]
    [InlineData("/api/alerts", null, null, false)]
    [InlineData("/api/alerts", "Basic abc", null, false)]
    [InlineData("/hubs/live", null, "?access_token=abc", true)]
    [InlineData("/api/alerts", null, "?access_token=abc", false)]
    [InlineData("/hubs/live", null, "?access_token=", false)]
    public void TheBearerSchemeJudgesOnlyRequestsThatPresentAToken(string path, string? authorization, string? query, bool bearer)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        Assert.Equal(bearer, BearerTokenAuthenticationHandler.IsPresentedBy(context.Request));
    }
}
