using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// Checks <c>Vigil:Mode</c> and <c>Vigil:Users</c> at start-up, naming the key and the bad value: each user valid with a
/// <c>PasswordHasher</c> hash, names unique, and in Production at least one admin.
/// </summary>
public sealed class DashboardIdentityOptionsValidator : IValidateOptions<DashboardIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardIdentityOptions options)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<DashboardMode>(options.Mode, ignoreCase: true, out var mode) || int.TryParse(options.Mode, out _))
        {
            failures.Add($"Vigil:Mode must be 'Demo' or 'Production' (was '{options.Mode}').");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"Vigil:Users:{i}";
            foreach (var (field, message) in UserValidation.Profile(user.UserName, DisplayNameOf(user), user.Roles, user.Regions, user.AdvisorId, user.Language))
            {
                failures.Add($"{key}:{char.ToUpperInvariant(field[0])}{field[1..]} {message}");
            }

            if (!UserValidation.IsPasswordHash(user.PasswordHash))
            {
                failures.Add($"{key}:PasswordHash must be a hash printed by 'Vigil.Silo hash-password' (was {user.PasswordHash.Length} characters that are not one).");
            }

            if (!seen.Add(user.UserName))
            {
                failures.Add($"{key}:UserName '{user.UserName}' appears twice in Vigil:Users.");
            }
        }

        if (mode == DashboardMode.Production && !options.Users.Any(u => u.Roles.Contains(Roles.Admin)))
        {
            failures.Add($"Vigil:Users must hold at least one user with the role '{Roles.Admin}' in Production mode (was {options.Users.Count} users, none an admin); "
                + "make a hash with 'dotnet run --project silo/Vigil.Silo -- hash-password'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A configured user without a display name shows their user name.</summary>
    internal static string DisplayNameOf(UserAccount user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName;
}
