using System.Buffers.Text;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// The rules a user account must follow, shared by start-up validation of <c>Vigil:Users</c> and the admin API. Each
/// failure names its field (camelCase, as in the JSON) and the bad value, cut short because it may be attacker text.
/// </summary>
public static class UserValidation
{
    public const int MaxIdentifierLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;

    /// <summary>User names and advisor ids: 1-64 letters, digits, <c>.</c>, <c>_</c>, <c>-</c> or <c>@</c>.</summary>
    public static bool IsIdentifier(string? value) =>
        value is { Length: > 0 and <= MaxIdentifierLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    public static IEnumerable<KeyValuePair<string, string>> Profile(
        string? userName, string? displayName, IReadOnlyList<string>? roles, IReadOnlyList<string>? regions, string? advisorId, string? language)
    {
        if (!IsIdentifier(userName))
        {
            yield return new("userName", $"must be 1-{MaxIdentifierLength} letters, digits, '.', '_', '-' or '@' (was '{Quote(userName)}').");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayNameLength || displayName.Any(char.IsControl))
        {
            yield return new("displayName", $"must be 1-{MaxDisplayNameLength} characters without control characters (was '{Quote(displayName)}').");
        }

        if (roles is null || roles.Count == 0)
        {
            yield return new("roles", $"must list at least one role of {string.Join(", ", Roles.All)}.");
        }
        else
        {
            foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
            {
                yield return new("roles", $"has unknown role '{Quote(role)}'; roles are {string.Join(", ", Roles.All)}.");
            }
        }

        foreach (var region in (regions ?? []).Where(r => !IsRegion(r)))
        {
            yield return new("regions", $"has unknown region '{Quote(region)}'; regions are {string.Join(", ", Enum.GetNames<Region>())} (none means all).");
        }

        if (advisorId is not null && !IsIdentifier(advisorId))
        {
            yield return new("advisorId", $"must be 1-{MaxIdentifierLength} letters, digits, '.', '_', '-' or '@' (was '{Quote(advisorId)}').");
        }

        if (!Languages.IsKnown(language))
        {
            yield return new("language", $"must be one of {string.Join(", ", Languages.All)} (was '{Quote(language)}').");
        }
    }

    public static string? Password(string? password, bool required)
    {
        if (password is null)
        {
            return required ? "is required for a new user." : null;
        }

        return password.Length is < MinPasswordLength or > MaxPasswordLength
            ? $"must be {MinPasswordLength}-{MaxPasswordLength} characters (was {password.Length} characters)."
            : null;
    }

    /// <summary>True for text in <c>PasswordHasher</c>'s format (base64, version byte 0 or 1); says nothing about the password.</summary>
    public static bool IsPasswordHash(string? hash)
    {
        if (string.IsNullOrEmpty(hash) || hash.Length > 1024 || !Base64.IsValid(hash, out var length) || length < 17)
        {
            return false;
        }

        var bytes = Convert.FromBase64String(hash);
        return bytes[0] is 0x00 or 0x01;
    }

    public static bool IsRegion(string? region) =>
        region is not null && !int.TryParse(region, out _) && Enum.TryParse<Region>(region, ignoreCase: false, out _);

    /// <summary>Attacker-controlled text goes back in messages only short and on one line.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var clean = new string(value.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 40 ? clean + "..." : clean;
    }
}
