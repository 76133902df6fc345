using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Grains.Vips;

/// <summary>
/// Stores <see cref="VipUserState.Days"/> as the days in use only, each with its non-zero fields: a viewer seen on one
/// day writes one small object instead of 60 mostly zero ones, which is most of what a flush of many users costs.
/// Reads both that and the earlier form (all 60 slots, unused ones with <c>Day</c> 0), and puts each day in its ring
/// slot (day number modulo <see cref="EngagementLedger.RetainedDays"/>), where <see cref="EngagementLedger"/> looks.
/// </summary>
public sealed class DayRingJsonConverter : JsonConverter<DayBucket[]>
{
    public override DayBucket[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var ring = new DayBucket[EngagementLedger.RetainedDays];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            var bucket = ReadBucket(ref reader);
            if (bucket.Day > 0)
            {
                ring[bucket.Day % ring.Length] = bucket;
            }
        }

        return ring;
    }

    public override void Write(Utf8JsonWriter writer, DayBucket[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var bucket in value)
        {
            if (bucket.Day == 0)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteNumber(nameof(DayBucket.Day), bucket.Day);
            WriteIfSet(writer, nameof(DayBucket.GiftCoins), bucket.GiftCoins);
            WriteIfSet(writer, nameof(DayBucket.Gifts), bucket.Gifts);
            WriteIfSet(writer, nameof(DayBucket.ViewingMinutes), bucket.ViewingMinutes);
            WriteIfSet(writer, nameof(DayBucket.Sessions), bucket.Sessions);
            WriteIfSet(writer, nameof(DayBucket.SessionMinutes), bucket.SessionMinutes);
            WriteIfSet(writer, nameof(DayBucket.ComplaintsOpened), bucket.ComplaintsOpened);
            WriteIfSet(writer, nameof(DayBucket.ComplaintsResolved), bucket.ComplaintsResolved);
            WriteIfSet(writer, nameof(DayBucket.Surveys), bucket.Surveys);
            WriteIfSet(writer, nameof(DayBucket.SurveyScoreSum), bucket.SurveyScoreSum);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static DayBucket ReadBucket(ref Utf8JsonReader reader)
    {
        var bucket = default(DayBucket);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case nameof(DayBucket.Day): bucket.Day = reader.GetInt32(); break;
                case nameof(DayBucket.GiftCoins): bucket.GiftCoins = reader.GetDouble(); break;
                case nameof(DayBucket.Gifts): bucket.Gifts = reader.GetInt32(); break;
                case nameof(DayBucket.ViewingMinutes): bucket.ViewingMinutes = reader.GetDouble(); break;
                case nameof(DayBucket.Sessions): bucket.Sessions = reader.GetInt32(); break;
                case nameof(DayBucket.SessionMinutes): bucket.SessionMinutes = reader.GetDouble(); break;
                case nameof(DayBucket.ComplaintsOpened): bucket.ComplaintsOpened = reader.GetInt32(); break;
                case nameof(DayBucket.ComplaintsResolved): bucket.ComplaintsResolved = reader.GetInt32(); break;
                case nameof(DayBucket.Surveys): bucket.Surveys = reader.GetInt32(); break;
                case nameof(DayBucket.SurveyScoreSum): bucket.SurveyScoreSum = reader.GetInt32(); break;
                default: reader.Skip(); break;
            }
        }

        return bucket;
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    // The sums are floats in memory: written as floats, they keep their shortest form ("0.1", not "0.10000000149").
    private static void WriteIfSet(Utf8JsonWriter writer, string name, double value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, (float)value);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"VIP day ring: expected {expected}, found {reader.TokenType}.");
        }
    }
}
