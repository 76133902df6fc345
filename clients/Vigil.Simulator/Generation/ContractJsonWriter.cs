using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>Writes a <see cref="SimEvent"/> as one contract v1 JSON object, fields in a fixed order, no newline.</summary>
internal sealed class ContractJsonWriter
{
    // Arabic and Spanish text stays readable UTF-8; the output is NDJSON for an API, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> buffer = new(512);
    private const int TimestampLength = 24;

    private readonly Utf8JsonWriter writer;

    public ContractJsonWriter() => writer = new Utf8JsonWriter(buffer, WriterOptions);

    public byte[] Write(SimEvent e, string id)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("type", EventNames.Name(e.Type));
        WriteTimestamp(e.Ticks);
        writer.WriteString("region", e.Region.ToString());
        WriteIfSet("roomId", e.RoomId);
        WriteIfSet("broadcasterId", e.BroadcasterId);
        WriteIfSet("userId", e.UserId);
        WriteIfSet("title", e.Title);
        WriteIfSet("lang", e.Lang);
        WriteIfSet("reason", e.EndReason is { } reason ? Wire.Name(reason) : null);
        WriteIfSet("text", e.Text);
        WriteIfSet("giftId", e.GiftId);
        if (e.Value is { } value)
        {
            writer.WriteNumber("value", value);
        }

        WriteIfSet("category", e.Category is { } category ? EventNames.Name(category) : null);
        WriteIfSet("note", e.Note);
        if (e.Score is { } score)
        {
            writer.WriteNumber("score", score);
        }

        WriteIfSet("source", e.Source is { } source ? Wire.Name(source) : null);
        WriteIfSet("model", e.Model);
        WriteIfSet("decisionId", e.DecisionId);
        WriteIfSet("moderatorId", e.ModeratorId);
        WriteIfSet("action", e.Action is { } action ? EventNames.Name(action) : e.SessionAction is { } session ? Wire.Name(session) : null);
        WriteIfSet("stage", e.Stage is { } stage ? Wire.Name(stage) : null);
        if (e.Minutes is { } minutes)
        {
            writer.WriteNumber("minutes", minutes);
        }

        WriteIfSet("ticketId", e.TicketId);
        WriteIfSet("topic", e.Topic);
        WriteIfSet("severity", e.Severity is { } severity ? Wire.Name(severity) : null);
        if (e.SurveyScore is { } survey)
        {
            writer.WriteNumber("score", survey);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>RFC 3339 in UTC with milliseconds, the contract's example form: <c>2026-11-22T10:00:00.125Z</c>.</summary>
    public static string FormatTimestamp(long utcTicks)
    {
        Span<char> text = stackalloc char[TimestampLength];
        FormatTimestamp(utcTicks, text);
        return new string(text);
    }

    private void WriteTimestamp(long utcTicks)
    {
        Span<char> text = stackalloc char[TimestampLength];
        FormatTimestamp(utcTicks, text);
        writer.WriteString("ts"u8, text);
    }

    private static void FormatTimestamp(long utcTicks, Span<char> text)
    {
        // By hand: a custom DateTime format string costs more than the rest of the event together.
        var time = new DateTime(utcTicks, DateTimeKind.Utc);
        Digits(text[0..4], time.Year);
        text[4] = '-';
        Digits(text[5..7], time.Month);
        text[7] = '-';
        Digits(text[8..10], time.Day);
        text[10] = 'T';
        Digits(text[11..13], time.Hour);
        text[13] = ':';
        Digits(text[14..16], time.Minute);
        text[16] = ':';
        Digits(text[17..19], time.Second);
        text[19] = '.';
        Digits(text[20..23], time.Millisecond);
        text[23] = 'Z';
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private void WriteIfSet(string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
