using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Vigil.Grains.Policy;

/// <summary>The one set of JSON rules for policy documents: strict, so a typo is an error rather than a silent default.</summary>
internal static class PolicyJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,

            // People edit this file by hand: comments explain constants, a trailing comma is not worth a rejection.
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,

            // "alret" must be reported, not ignored, and a null where a value is required is an error.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            WriteIndented = true,
        };
        options.MakeReadOnly();
        return options;
    }
}
