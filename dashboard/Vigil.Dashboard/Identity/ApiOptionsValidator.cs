using Microsoft.Extensions.Options;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Identity;

/// <summary>Rejects tokens without a name, a secret, known roles or known regions, naming the configuration key.</summary>
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

            // A misspelt region would silently become "no region visible"; an empty list means every region.
            foreach (var region in token.Regions.Where(r => !Enum.TryParse<Region>(r, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(r, out _)))
            {
                failures.Add($"{key}:Regions has unknown region '{region}'; regions are {string.Join(", ", Enum.GetNames<Region>())}.");
            }

            if (token.AdvisorId is { } advisorId && !UserValidation.IsIdentifier(advisorId))
            {
                failures.Add($"{key}:AdvisorId must be 1-64 letters, digits, '.', '_', '-' or '@' (was '{advisorId}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
