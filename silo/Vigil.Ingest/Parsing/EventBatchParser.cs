using System.Globalization;
using System.Text.Json;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Parsing;

/// <summary>
/// Parses and validates a request body of contract v1 events straight from its UTF-8 bytes: no intermediate
/// document and no strings but the values an event keeps. Pure and thread-safe; benchmarks call it directly.
/// </summary>
/// <remarks>
/// <para><b>NDJSON.</b> Lines end at <c>\n</c>; a <c>\r</c> before it is dropped. A line of only spaces, tabs or
/// carriage returns is blank: it is skipped, is not an event and does not count towards the event limit, but it
/// keeps its number, so <c>line</c> in a rejection is the physical line a person finds in an editor. A trailing
/// newline therefore ends the last line and adds nothing. One UTF-8 byte-order mark at the start of the body is
/// skipped.</para>
/// <para><b>JSON array.</b> The body must be one well-formed JSON array; otherwise no element can be told from the
/// next and the whole body is refused (<see cref="ParseOutcome.MalformedBody"/>, HTTP 400). Inside a well-formed
/// array each element is validated on its own, and <c>line</c> is its index + 1.</para>
/// <para><b>Per event.</b> UTF-8 only: an event with an invalid byte sequence is rejected (the rest of the body is
/// still used). Property names are case-sensitive and unknown ones are ignored, as are the contract's fields that
/// the event's type does not use. A known field given twice rejects the event (no first- or last-wins guessing).
/// An optional field set to JSON <c>null</c> counts as absent.</para>
/// </remarks>
public static class EventBatchParser
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses with the contract's limits.</summary>
    public static ParsedBatch Parse(ReadOnlySpan<byte> body, ContentKind kind, DateTimeOffset now) =>
        Parse(body, kind, now, EventParseLimits.Contract);

    /// <summary>Parses a whole body; <paramref name="now"/> is the receiver's clock the future-skew rule uses.</summary>
    public static ParsedBatch Parse(ReadOnlySpan<byte> body, ContentKind kind, DateTimeOffset now, EventParseLimits limits)
    {
        if (body.StartsWith(Utf8ByteOrderMark))
        {
            body = body[Utf8ByteOrderMark.Length..];
        }

        return kind == ContentKind.NdJson ? ParseLines(body, now, limits) : ParseArray(body, now, limits);
    }

    private static ParsedBatch ParseLines(ReadOnlySpan<byte> body, DateTimeOffset now, EventParseLimits limits)
    {
        var batch = new Batch(Math.Min(body.Count((byte)'\n') + 1, limits.MaxEvents), now, limits.MaxFutureSkew);
        var items = 0;
        var lineNumber = 0;
        var rest = body;
        while (true)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            lineNumber++;
            if (!IsBlank(line))
            {
                if (++items > limits.MaxEvents)
                {
                    return batch.Finish(ParseOutcome.TooManyEvents, items, $"the body has more than {limits.MaxEvents} events");
                }

                batch.Add(line.TrimEnd((byte)'\r'), lineNumber);
            }

            if (end < 0)
            {
                return batch.Finish(ParseOutcome.Parsed, items, null);
            }

            rest = rest[(end + 1)..];
        }
    }

    private static ParsedBatch ParseArray(ReadOnlySpan<byte> body, DateTimeOffset now, EventParseLimits limits)
    {
        var batch = new Batch(Math.Min(body.Length / 128 + 1, limits.MaxEvents), now, limits.MaxFutureSkew);
        var items = 0;
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read())
            {
                return batch.Finish(ParseOutcome.MalformedBody, 0, "the body is empty; send a JSON array of events");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return batch.Finish(ParseOutcome.MalformedBody, 0, "an application/json body must be a JSON array of events ([{...}, {...}]); for one object per line use application/x-ndjson");
            }

            // Each element is located with Skip (which checks the array's structure) and then read on its own, so
            // an element is parsed exactly as an NDJSON line is.
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (++items > limits.MaxEvents)
                {
                    return batch.Finish(ParseOutcome.TooManyEvents, items, $"the array has more than {limits.MaxEvents} events");
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                batch.Add(body[start..(int)reader.BytesConsumed], items);
            }

            while (reader.Read())
            {
                // Trailing content after the array makes the reader throw.
            }
        }
        catch (JsonException exception)
        {
            return batch.Finish(
                ParseOutcome.MalformedBody,
                items,
                string.Create(CultureInfo.InvariantCulture, $"the body is not a well-formed JSON array at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}: {Reason(exception)}"));
        }

        return batch.Finish(ParseOutcome.Parsed, items, null);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    /// <summary>The reader's own explanation without its position suffix (positions are reported per line).</summary>
    internal static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }

    /// <summary>The events and rejections of one body as it is read.</summary>
    private sealed class Batch(int expectedEvents, DateTimeOffset now, TimeSpan maxFutureSkew)
    {
        private readonly List<LiveEvent> _events = new(expectedEvents);
        private readonly Utf8StringCache _strings = new();
        private List<EventRejection>? _rejections;

        public void Add(ReadOnlySpan<byte> item, int line)
        {
            var reader = new EventItemReader(item);
            var invalidByte = reader.FirstInvalidUtf8Byte();
            if (invalidByte > 0)
            {
                Reject(line, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"event: byte {invalidByte} is not valid UTF-8; send UTF-8 only"));
                return;
            }

            try
            {
                reader.Scan();
            }
            catch (JsonException exception)
            {
                var position = (exception.BytePositionInLine ?? 0) + 1;
                Reject(line, reader.ValidId(), string.Create(
                    CultureInfo.InvariantCulture,
                    $"event: not valid JSON at byte {position} ({Reason(exception)}); send one JSON object per line"));
                return;
            }

            var e = reader.Build(now, maxFutureSkew, _strings);
            if (e is null)
            {
                Reject(line, reader.ValidId(), reader.Error!);
                return;
            }

            _events.Add(e);
        }

        public ParsedBatch Finish(ParseOutcome outcome, int items, string? problem) =>
            outcome == ParseOutcome.Parsed
                ? new ParsedBatch(outcome, _events, _rejections, items, null)
                : new ParsedBatch(outcome, [], null, items, problem);

        private void Reject(int line, string? id, string error) => (_rejections ??= []).Add(new EventRejection(line, id, error));
    }
}
