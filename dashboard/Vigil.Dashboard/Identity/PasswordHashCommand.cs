using Microsoft.AspNetCore.Identity;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// <c>Vigil.Silo hash-password</c>: reads a password from standard input (one line; the terminal echo is the caller's
/// business, so pipe it in) and prints its <c>PasswordHasher</c> hash for <c>Vigil:Users:N:PasswordHash</c>.
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Name;

    /// <summary>Prints the hash and returns 0, or explains the password rule on standard error and returns 2.</summary>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var password = input.ReadLine();
        if (UserValidation.Password(password, required: true) is { } problem)
        {
            error.WriteLine($"hash-password: the password read from standard input {problem}");
            return 2;
        }

        output.WriteLine(new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), password!));
        return 0;
    }
}
