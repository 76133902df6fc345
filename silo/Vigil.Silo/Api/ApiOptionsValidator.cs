using Vigil.Dashboard.Identity;
using Microsoft.Extensions.Options;

namespace Vigil.Silo.Api;

/// <summary>Rejects tokens without a name, a secret or known roles, naming the configuration key.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            var key = $"{ApiOptions.SectionName}:Tokens:{i}";
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                failures.Add($"{key}:Name must name the script or person the token belongs to (was '{token.Name}').");
            }

            if (token.Token.Length < 16)
            {
                failures.Add($"{key}:Token must be at least 16 characters (was {token.Token.Length} characters).");
            }

            foreach (var role in token.Roles.Where(r => !Roles.All.Contains(r)))
            {
                failures.Add($"{key}:Roles has unknown role '{role}'; roles are {string.Join(", ", Roles.All)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
