using System.Text.Json;
using Vigil.Grains.Contracts;

namespace Vigil.Dashboard.Live;

/// <summary>
/// The hub's JSON: the contract's conventions (<see cref="ContractJson"/>, as the REST API), and each pushed item
/// written once for every connection that receives it.
/// </summary>
public static class LiveJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ContractJson.Configure(options);

        // Pushed items are shared by every connection: write each one once (the copy holds every setting above).
        options.Converters.Insert(0, new LiveItemJsonConverter(new JsonSerializerOptions(options)));
    }
}
