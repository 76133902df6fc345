using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Silo.Api;

/// <summary>The read API's JSON: camelCase, enums by their contract names (MENA, P1, minor_safety, open).</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // The first converter that can convert a type wins: regions and severities keep their upper-case names.
        options.Converters.Add(new JsonStringEnumConverter<Region>());
        options.Converters.Add(new JsonStringEnumConverter<Severity>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

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
