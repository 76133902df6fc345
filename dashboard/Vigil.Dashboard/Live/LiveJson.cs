using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Dashboard.Live;

/// <summary>
/// The hub's JSON, the same as the REST API's (<c>Vigil.Silo.Api.ApiJson</c>, which this project cannot reference):
/// camelCase, enums by their contract names (<c>MENA</c>, <c>P1</c>, <c>minor_safety</c>, <c>open</c>).
/// </summary>
public static class LiveJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;

        // The first converter that can convert a type wins: regions and severities keep their upper-case names.
        options.Converters.Add(new JsonStringEnumConverter<Region>());
        options.Converters.Add(new JsonStringEnumConverter<Severity>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));

        // Pushed items are shared by every connection: write each one once (the copy holds every setting above).
        options.Converters.Insert(0, new LiveItemJsonConverter(new JsonSerializerOptions(options)));
    }
}
