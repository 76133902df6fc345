using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Ingest.Http;

/// <summary>
/// Compile-time JSON for the ingest response, camelCase whatever the host's JSON options say, with <c>"id": null</c>
/// written out for rejections without a valid id. Quotes and non-ASCII stay as they are, so an error reads the same
/// in <c>curl</c> as in a log; the body is served as <c>application/json</c>, never embedded in HTML.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class IngestJsonContext : JsonSerializerContext
{
    public static IngestJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
