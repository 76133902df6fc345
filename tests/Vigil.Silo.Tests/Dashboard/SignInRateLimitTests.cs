using System.Net;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary>Each test has its own silo, because every request here comes from the same address and the limit counts per address.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task FiveWrongPasswordsForOneNameLockItWith429AndRetryAfterEvenForTheRightPassword()
    {
        using var data = new TemporaryFolder();
        await using var silo = await StartDemo(data);
        using var browser = new DashboardBrowser(silo.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SignIn("commander", $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await browser.SignIn("commander", "commander-demo");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.False(locked.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task FailuresAcrossManyNamesFromOneAddressAreLimitedAndASuccessDoesNotResetThem()
    {
        using var data = new TemporaryFolder();
        await using var silo = await StartDemo(data);
        using var browser = new DashboardBrowser(silo.BaseAddress);
        foreach (var name in new[] { "operator", "qa", "advisor", "advisor2" })
        {
            using var wrong = await browser.SignIn(name, "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var success = await browser.SignIn("admin", "admin-demo");
        using var fifth = await browser.SignIn("no-such-person", "wrong-password");
        using var afterFive = await browser.SignIn("mena-operator", "mena-operator-demo");

        Assert.Equal(HttpStatusCode.OK, success.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterFive.StatusCode);
        Assert.NotNull(afterFive.Headers.RetryAfter);
    }

    private static async Task<SiloProcess> StartDemo(TemporaryFolder data)
    {
        var silo = SiloProcess.Start(data.Path, new Dictionary<string, string> { ["Vigil__Mode"] = "Demo", ["Vigil__Storage"] = "Memory" });
        await silo.WaitUntilListening();
        return silo;
    }
}
