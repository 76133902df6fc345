using Vigil.Dashboard.Identity;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Identity;

public sealed class SignInRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FourFailuresStillAllowATry()
    {
        var limiter = new SignInRateLimiter(_time);
        Fail(limiter, "layla", "10.0.0.1", times: 4);

        Assert.Null(limiter.RetryAfter("layla", "10.0.0.1"));
    }

    [Fact]
    public void FiveFailuresForANameBlockItFromAnyAddressUntilTheOldestLeavesTheWindow()
    {
        var limiter = new SignInRateLimiter(_time);
        Fail(limiter, "layla", "10.0.0.1", times: 1);
        _time.Advance(TimeSpan.FromMinutes(1));
        Fail(limiter, "layla", $"10.0.0.2", times: 4);

        var wait = limiter.RetryAfter("LAYLA", "10.0.0.9");

        Assert.Equal(TimeSpan.FromMinutes(4), wait);
        _time.Advance(TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.RetryAfter("layla", "10.0.0.9"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(limiter.RetryAfter("layla", "10.0.0.9"));
    }

    [Fact]
    public void FiveFailuresFromAnAddressBlockEveryNameFromIt()
    {
        var limiter = new SignInRateLimiter(_time);
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            limiter.RecordFailure(name, "10.0.0.1");
        }

        Assert.Equal(SignInRateLimiter.Window, limiter.RetryAfter("f", "10.0.0.1"));
        Assert.Null(limiter.RetryAfter("f", "10.0.0.2"));
    }

    [Fact]
    public void ASuccessClearsItsNameButNotItsAddress()
    {
        var limiter = new SignInRateLimiter(_time);
        Fail(limiter, "layla", "10.0.0.1", times: 4);
        limiter.RecordFailure("omar", "10.0.0.1");

        limiter.RecordSuccess("layla");

        Assert.NotNull(limiter.RetryAfter("layla", "10.0.0.1"));
        Assert.Null(limiter.RetryAfter("layla", "10.0.0.2"));
    }

    [Fact]
    public void FailuresOlderThanTheWindowDoNotCount()
    {
        var limiter = new SignInRateLimiter(_time);
        Fail(limiter, "layla", "10.0.0.1", times: 4);
        _time.Advance(SignInRateLimiter.Window);

        limiter.RecordFailure("layla", "10.0.0.1");

        Assert.Null(limiter.RetryAfter("layla", "10.0.0.1"));
    }

    private static void Fail(SignInRateLimiter limiter, string name, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            limiter.RecordFailure(name, address);
        }
    }
}
