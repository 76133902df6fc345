using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Simulator.Generation;

namespace Vigil.Simulator.Truth;

/// <summary>Timestamps in ground truth read exactly like event <c>ts</c> values: UTC, milliseconds, <c>Z</c>.</summary>
internal sealed class WireTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ContractJsonWriter.FormatTimestamp(value.UtcTicks));
}
