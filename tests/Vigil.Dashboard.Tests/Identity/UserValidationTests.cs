using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vigil.Dashboard.Identity;

namespace Vigil.Dashboard.Tests.Identity;

public sealed class UserValidationTests
{
    [Fact]
    public void AGoodProfileHasNoErrors()
    {
        var errors = UserValidation.Profile("layla.k", "Layla K", ["operator"], ["MENA"], "layla", "ar");

        Assert.Empty(errors);
    }

    [Fact]
    public void EachBadFieldIsNamedWithItsValueCutShort()
    {
        var errors = UserValidation.Profile("<script>", "", ["root"], ["mena"], "a b", "fr" + new string('x', 100)).ToList();

        Assert.Equal(["userName", "displayName", "roles", "regions", "advisorId", "language"], errors.Select(e => e.Key));
        Assert.Contains("'<script>'", errors[0].Value);
        Assert.Contains("...", errors[5].Value);
        Assert.True(errors[5].Value.Length < 120);
    }

    [Fact]
    public void AHashFromPasswordHasherIsRecognisedAndPlainTextIsNot()
    {
        var hash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "some-password");

        Assert.True(UserValidation.IsPasswordHash(hash));
        Assert.False(UserValidation.IsPasswordHash("some-password"));
        Assert.False(UserValidation.IsPasswordHash(""));
    }

    [Fact]
    public void ProductionWithoutAnAdminFailsNamingVigilUsers()
    {
        var hash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "some-password");
        var options = new DashboardIdentityOptions
        {
            Mode = "Production",
            Users = [new UserAccount { UserName = "ops", PasswordHash = hash, Roles = ["operator"] }],
        };

        var result = new DashboardIdentityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Vigil:Users must hold at least one user with the role 'admin'", result.FailureMessage);
    }

    [Fact]
    public void DemoNeedsNoConfiguredUsers()
    {
        var result = new DashboardIdentityOptionsValidator().Validate(null, new DashboardIdentityOptions { Mode = "demo" });

        Assert.Equal(ValidateOptionsResult.Success, result);
    }

    [Fact]
    public void DemoPasswordsAreRecognisedOnlyForDemoNames()
    {
        Assert.True(DemoUsers.IsDemoPassword("admin", "admin-demo"));
        Assert.False(DemoUsers.IsDemoPassword("boss", "boss-demo"));
        Assert.False(DemoUsers.IsDemoPassword("admin", "a-real-password"));
    }
}
