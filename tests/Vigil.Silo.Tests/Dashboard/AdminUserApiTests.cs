using System.Net;

namespace Vigil.Silo.Tests.Dashboard;

[Collection(DemoSiloCollection.Name)]
public sealed class AdminUserApiTests(DemoSiloFixture fixture)
{
    [Fact]
    public async Task TheAdminListNeverShowsPasswordHashes()
    {
        using var admin = new DashboardBrowser(fixture.Silo.BaseAddress);
        await admin.SignInOrFail("admin", "admin-demo");

        using var response = await admin.Http.GetAsync("/api/admin/users");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"userName\":\"advisor2\"", text);
        Assert.DoesNotContain("AQAAAA", text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnInvalidUserIsRefusedWith400NamingEachBadField()
    {
        using var admin = new DashboardBrowser(fixture.Silo.BaseAddress);
        await admin.SignInOrFail("admin", "admin-demo");

        using var response = await admin.Send(HttpMethod.Put, "/api/admin/users/new-person", new
        {
            displayName = "", password = "short", roles = new[] { "superuser" }, regions = new[] { "MARS" }, language = "fr",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await DashboardBrowser.Json(response)).GetProperty("errors");
        Assert.Equal(
            ["displayName", "language", "password", "regions", "roles"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'MARS'", errors.GetProperty("regions")[0].GetString());
    }

    [Fact]
    public async Task TheLastAdminCannotBeDeletedOrDemoted()
    {
        using var admin = new DashboardBrowser(fixture.Silo.BaseAddress);
        await admin.SignInOrFail("admin", "admin-demo");

        using var delete = await admin.Send(HttpMethod.Delete, "/api/admin/users/admin");
        using var demote = await admin.Send(HttpMethod.Put, "/api/admin/users/admin", new { displayName = "Admin", roles = new[] { "qa" }, language = "en" });

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/admin/users")).StatusCode);
    }

    [Fact]
    public async Task AnAdminChangeEndsTheChangedPersonsSession()
    {
        using var admin = new DashboardBrowser(fixture.Silo.BaseAddress);
        using var person = new DashboardBrowser(fixture.Silo.BaseAddress);
        await admin.SignInOrFail("admin", "admin-demo");
        using var created = await admin.Send(HttpMethod.Put, "/api/admin/users/night-shift", new
        {
            displayName = "Night shift", password = "night-shift-password", roles = new[] { "operator" }, language = "en",
        });
        await person.SignInOrFail("night-shift", "night-shift-password");
        using var before = await person.Http.GetAsync("/api/alerts");

        using var change = await admin.Send(HttpMethod.Put, "/api/admin/users/night-shift", new { displayName = "Night shift", roles = new[] { "qa" }, language = "en" });
        using var after = await person.Http.GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
