using System.Text.Json;

namespace Vigil.LoadClient;

/// <summary>The counts of a <c>202</c> answer <c>{"accepted": N, "duplicates": D, "rejected": [...]}</c>, read without a document.</summary>
public readonly record struct IngestAnswer(int Accepted, int Duplicates, int Rejected, string? FirstRejection)
{
    public static IngestAnswer Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        int accepted = 0, duplicates = 0, rejected = 0;
        string? first = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("accepted"u8) && reader.Read())
            {
                accepted = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("duplicates"u8) && reader.Read())
            {
                duplicates = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("rejected"u8) && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var itemStart = (int)reader.TokenStartIndex;
                        reader.Skip();
                        rejected++;
                        first ??= System.Text.Encoding.UTF8.GetString(body[itemStart..(int)reader.BytesConsumed]);
                    }
                }

            }
        }

        return new IngestAnswer(accepted, duplicates, rejected, first);
    }
}
