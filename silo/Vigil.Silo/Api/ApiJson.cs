using System.Text.Json;
using Vigil.Grains.Contracts;

namespace Vigil.Silo.Api;

/// <summary>The read API's JSON (the contract's conventions, <see cref="ContractJson"/>) and its query parsing.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options) => ContractJson.Configure(options);

    /// <summary>Parses an optional query value of an enum by its contract name; the error names the parameter.</summary>
    public static bool TryParseQuery<TEnum>(string? value, string parameter, out TEnum? parsed, out string? error)
        where TEnum : struct, Enum
    {
        parsed = null;
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var normalized = value.Replace("_", "", StringComparison.Ordinal);
        if (Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var result) && !int.TryParse(value, out _))
        {
            parsed = result;
            return true;
        }

        error = $"{parameter}: '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}.";
        return false;
    }
}
