using System.Text.Json.Serialization;

namespace Vigil.LoadClient;

/// <summary>Source-generated JSON for the result line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadResult))]
public sealed partial class LoadJsonContext : JsonSerializerContext;
