using System.Globalization;
using System.Text;
using Vigil.Ingest.Tests.Infrastructure;

namespace Vigil.Ingest.Tests.Fuzz;

/// <summary>
/// Makes hostile NDJSON lines from valid events: flipped bytes, truncation, swapped types, huge and odd numbers, deep
/// nesting, invalid UTF-8, wrong JSON types, duplicate keys, long strings and plain garbage. Fuzzed events' ids start
/// with <c>fz-</c>, never with a good event's prefix.
/// </summary>
public sealed class LineFuzzer(Random random)
{
    private static readonly string[] OddNumbers =
    [
        "1e400", "-1e400", "1e-400", "-0", "0", "123456789012345678901234567890", "0.30000000000000004", "5e0", "-1",
        "1.7976931348623157e308", "4.9e-324", "00", "1.", ".5", "+1", "0x10", "NaN", "Infinity", "-Infinity", "1e", "--1",
    ];

    private static readonly string[] OddValues =
    [
        "null", "true", "false", "{}", "[]", "\"\"", "\"x\"", "[1,2,3]", "{\"a\":{\"b\":[null]}}", "\"\\ud800\"", "\"\\u0000\"",
        "\"\\uDFFF\\uD800\"", "\"\\\"\"", "\"\\\\\"", "\"\\x\"", "\"tab\there\"", "\"2026-11-22T09:59:00Z\"", "\"MENA\"",
    ];

    private static readonly string[] Fields =
    [
        "id", "type", "ts", "region", "roomId", "broadcasterId", "userId", "title", "lang", "reason", "text", "giftId", "value",
        "category", "note", "score", "source", "model", "decisionId", "moderatorId", "action", "stage", "minutes", "ticketId",
        "topic", "severity",
    ];

    private int _next;

    /// <summary>One fuzzed line (possibly containing newlines of its own, or empty), as bytes.</summary>
    public byte[] Next()
    {
        var type = TestEvents.Types[random.Next(TestEvents.Types.Count)];
        var ts = IngestServer.Now.AddMinutes(-random.Next(0, 60 * 30)).AddMinutes(random.Next(0, 12));
        var valid = TestEvents.Valid(type, "fz-" + _next++.ToString(CultureInfo.InvariantCulture) + "-" + random.Next(), ts).Line();
        return random.Next(16) switch
        {
            0 => Encoding.UTF8.GetBytes(valid),
            1 => FlipBytes(Encoding.UTF8.GetBytes(valid)),
            2 => Truncate(Encoding.UTF8.GetBytes(valid)),
            3 => Encoding.UTF8.GetBytes(valid.Replace($"\"{type}\"", $"\"{TestEvents.Types[random.Next(TestEvents.Types.Count)]}\"", StringComparison.Ordinal)),
            4 => Encoding.UTF8.GetBytes(SetField(valid, Pick(["value", "score", "minutes"]), Pick(OddNumbers))),
            5 => Encoding.UTF8.GetBytes(SetField(valid, "deep", new string('[', random.Next(1, 3_000)) + new string(']', random.Next(0, 3_000)))),
            6 => InsertInvalidUtf8(Encoding.UTF8.GetBytes(valid)),
            7 => Garbage(),
            8 => Encoding.UTF8.GetBytes(RemoveField(valid, Pick(Fields))),
            9 => Encoding.UTF8.GetBytes(SetField(valid, Pick(Fields), Pick(OddValues))),
            10 => Encoding.UTF8.GetBytes(valid[..^1] + "," + $"\"{Pick(Fields)}\":{Pick(OddValues)}" + "}"),
            11 => Encoding.UTF8.GetBytes(SetField(valid, Pick(["text", "id", "roomId", "note", "title"]), "\"" + new string('w', random.Next(100, 20_000)) + "\"")),
            12 => Encoding.UTF8.GetBytes(Pick(["[" + valid + "]", "\"" + valid.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"", valid + valid, valid + " " + valid])),
            13 => InsertStructure(Encoding.UTF8.GetBytes(valid)),
            14 => Encoding.UTF8.GetBytes(SetField(valid, "ts", $"\"{Pick(["2026-11-22T10:06:00Z", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+01:00", "2026-11-22T09:59:00.99999999999999Z"])}\"")),
            _ => Encoding.UTF8.GetBytes(new string(' ', random.Next(0, 4)) + valid + Pick(["", "\r", " \t", "\r\r"])),
        };
    }

    private T Pick<T>(IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];

    private byte[] FlipBytes(byte[] line)
    {
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            line[random.Next(line.Length)] = (byte)random.Next(256);
        }

        return line;
    }

    private byte[] Truncate(byte[] line) => line[..random.Next(line.Length)];

    private byte[] InsertInvalidUtf8(byte[] line)
    {
        var at = random.Next(line.Length);
        byte[] bad = Pick<byte[]>([[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]]);
        return [.. line[..at], .. bad, .. line[at..]];
    }

    private byte[] InsertStructure(byte[] line)
    {
        var at = random.Next(line.Length);
        return [.. line[..at], (byte)Pick("{}[]\",:\\ \t\r\n0".ToCharArray()), .. line[at..]];
    }

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string SetField(string line, string field, string rawValue) =>
        RemoveField(line, field)[..^1] + $",\"{field}\":{rawValue}" + "}";

    private static string RemoveField(string line, string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        node.Remove(field);
        return node.Line();
    }
}
