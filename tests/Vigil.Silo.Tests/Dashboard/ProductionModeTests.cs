using System.Net;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Dashboard;

public sealed class ProductionModeTests
{
    [Fact]
    public async Task ProductionWithoutAnAdminUserRefusesToStartNamingVigilUsers()
    {
        using var data = new TemporaryFolder();
        var (_, operatorHash, _) = await HashPasswordTool.Run("operator-password");
        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string>
        {
            ["Vigil__Mode"] = "Production",
            ["Vigil__Users__0__UserName"] = "ops",
            ["Vigil__Users__0__PasswordHash"] = operatorHash,
            ["Vigil__Users__0__Roles__0"] = "operator",
        });

        Assert.Equal(2, await silo.WaitForExit("start-up to fail without an admin"));
        Assert.Contains("Vigil:Users must hold at least one user with the role 'admin' in Production mode", silo.Output);
        Assert.DoesNotContain("DEMO MODE", silo.Output);
    }

    [Theory]
    [InlineData("Vigil__Mode", "Staging", "Vigil:Mode must be 'Demo' or 'Production' (was 'Staging')")]
    [InlineData("Vigil__Users__0__Roles__0", "root", "Vigil:Users:0:Roles has unknown role 'root'")]
    [InlineData("Vigil__Users__0__PasswordHash", "plain-text-password", "Vigil:Users:0:PasswordHash must be a hash printed by")]
    public async Task ABadUserSettingStopsStartUpNamingTheKey(string variable, string value, string expected)
    {
        using var data = new TemporaryFolder();
        var (_, bossHash, _) = await HashPasswordTool.Run("boss-password-1");
        var settings = new Dictionary<string, string>
        {
            ["Vigil__Users__0__UserName"] = "boss",
            ["Vigil__Users__0__PasswordHash"] = bossHash,
            ["Vigil__Users__0__Roles__0"] = "admin",
            [variable] = value,
        };
        await using var silo = SiloProcess.Start(data.Path, settings);

        Assert.Equal(2, await silo.WaitForExit("start-up to fail"));
        Assert.Contains(expected, silo.Output);
        Assert.DoesNotContain("plain-text-password", silo.Output);
    }

    [Fact]
    public async Task ProductionSignsInAConfiguredAdminAndNeverCreatesDemoUsersOrTakesDemoPasswords()
    {
        using var data = new TemporaryFolder();
        var (exitCode, bossHash, _) = await HashPasswordTool.Run("correct horse battery staple");
        var (_, demoLikeHash, _) = await HashPasswordTool.Run("admin-demo");
        Assert.Equal(0, exitCode);
        await using var silo = SiloProcess.Start(data.Path, new Dictionary<string, string>
        {
            ["Vigil__Mode"] = "Production",
            ["Vigil__Storage"] = "Memory",
            ["Vigil__Users__0__UserName"] = "boss",
            ["Vigil__Users__0__DisplayName"] = "The Boss",
            ["Vigil__Users__0__PasswordHash"] = bossHash,
            ["Vigil__Users__0__Roles__0"] = "admin",
            ["Vigil__Users__1__UserName"] = "admin",
            ["Vigil__Users__1__PasswordHash"] = demoLikeHash,
            ["Vigil__Users__1__Roles__0"] = "admin",
        });
        await silo.WaitUntilListening();
        using var browser = new DashboardBrowser(silo.BaseAddress);

        using var demoOperator = await browser.SignIn("operator", "operator-demo");
        using var demoAdmin = await browser.SignIn("admin", "admin-demo");
        using var boss = await browser.SignIn("boss", "correct horse battery staple");

        Assert.Equal(HttpStatusCode.Unauthorized, demoOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, demoAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, boss.StatusCode);
        Assert.Equal("The Boss", (await DashboardBrowser.Json(boss)).GetProperty("displayName").GetString());
        Assert.Equal(["admin", "boss"], (await browser.GetJson("/api/admin/users")).EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        Assert.DoesNotContain("DEMO MODE", silo.Output);
    }

    [Fact]
    public async Task HashPasswordRefusesAShortPassword()
    {
        var (exitCode, output, error) = await HashPasswordTool.Run("short");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("must be 10-256 characters (was 5 characters)", error);
    }
}
