using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Rooms;

/// <summary>
/// <see cref="RoomCategories"/> as JSON: the object a dictionary of categories was (category names as keys), so room
/// states stored as JSON before the room had a codec still load, and JSON written now reads the same way.
/// </summary>
public sealed class RoomCategoriesJsonConverter : JsonConverter<RoomCategories>
{
    /// <summary>A stored <c>null</c> reads as a room with no categories rather than leaving the room without its slots.</summary>
    public override bool HandleNull => true;

    public override RoomCategories Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var categories = new RoomCategories();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return categories;
        }

        foreach (var (category, entry) in JsonSerializer.Deserialize<Dictionary<Category, RoomCategory>>(ref reader, options) ?? [])
        {
            categories[category] = entry ?? throw new JsonException($"The room's category {category} is null.");
        }

        return categories;
    }

    public override void Write(Utf8JsonWriter writer, RoomCategories value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToDictionary(p => p.Key, p => p.Value), options);
}
