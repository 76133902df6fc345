using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Contracts;

/// <summary>
/// How the contract's records look as JSON to operators, scripts and browsers, shared by the read API and the live
/// hub: camelCase, enums by their contract names (<c>MENA</c>, <c>P1</c>, <c>minor_safety</c>, <c>open</c>).
/// </summary>
public static class ContractJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // The first converter that can convert a type wins: regions and severities keep their upper-case names.
        options.Converters.Add(new JsonStringEnumConverter<Region>());
        options.Converters.Add(new JsonStringEnumConverter<Severity>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
