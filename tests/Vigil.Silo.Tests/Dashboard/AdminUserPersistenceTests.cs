using System.Net;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Dashboard;

public sealed class AdminUserPersistenceTests
{
    [Fact]
    public async Task AUserAnAdminCreatesSignsInAndSurvivesARestart()
    {
        using var data = new TemporaryFolder();
        await using (var first = await StartDemo(data))
        {
            using var admin = new DashboardBrowser(first.BaseAddress);
            await admin.SignInOrFail("admin", "admin-demo");

            using var created = await admin.Send(HttpMethod.Put, "/api/admin/users/layla", new
            {
                displayName = "Layla", password = "a-long-password-1", roles = new[] { "operator", "commander" }, regions = new[] { "MENA", "EU" }, language = "ar",
            });
            using var deleted = await admin.Send(HttpMethod.Delete, "/api/admin/users/qa");

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            first.Terminate();
            Assert.Equal(0, await first.WaitForExit("a graceful shutdown"));
        }

        await using var second = await StartDemo(data);
        using var layla = new DashboardBrowser(second.BaseAddress);
        using var qa = new DashboardBrowser(second.BaseAddress);

        await layla.SignInOrFail("layla", "a-long-password-1");
        using var qaSignIn = await qa.SignIn("qa", "qa-demo");

        var me = await layla.GetJson("/auth/me");
        Assert.Equal(["operator", "commander"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["MENA", "EU"], me.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, qaSignIn.StatusCode);
        Assert.DoesNotMatch(@"\n\s+qa\s+password qa-demo", second.Output);
        Assert.True(File.Exists(Path.Combine(data.Path, "users.json")));
    }

    [Fact]
    public async Task ACorruptUsersFileStopsStartUpNamingIt()
    {
        using var data = new TemporaryFolder();
        await File.WriteAllTextAsync(Path.Combine(data.Path, "users.json"), "{ not json");

        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string> { ["Vigil__Mode"] = "Demo" });

        Assert.Equal(2, await silo.WaitForExit("start-up to fail on users.json"));
        Assert.Contains("Vigil:DataPath holds " + Path.Combine(data.Path, "users.json") + ", which is not a users file", silo.Output);
    }

    private static async Task<SiloProcess> StartDemo(TemporaryFolder data)
    {
        var silo = SiloProcess.Start(data.Path, new Dictionary<string, string> { ["Vigil__Mode"] = "Demo" });
        await silo.WaitUntilListening();
        return silo;
    }
}
