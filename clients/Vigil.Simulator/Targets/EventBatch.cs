namespace Vigil.Simulator.Targets;

/// <summary>Events as one NDJSON body: each event a UTF-8 JSON object followed by <c>\n</c>.</summary>
public sealed class EventBatch
{
    public EventBatch(ReadOnlyMemory<byte> payload, int count)
    {
        Payload = payload;
        Count = count;
    }

    /// <summary>The request body; the target may keep it (it is not reused).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    public int Count { get; }

    /// <summary>Each event's JSON, without the newline.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Lines()
    {
        var rest = Payload;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (!line.IsEmpty)
            {
                yield return line;
            }
        }
    }
}
