using System.Text.Json;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// How one state type is turned into a stored payload and back: its registered <see cref="IStateCodec{TState}"/>,
/// or JSON when it has none. JSON payloads are always read as JSON, so records written before a codec was
/// registered still load; the codec's own payloads are told apart by their first byte, which may not start JSON.
/// Resolved once per state of a grain class and shared by all its activations.
/// </summary>
internal sealed class StateFormat<TState>(IStateCodec<TState>? codec, JsonSerializerOptions jsonOptions) where TState : new()
{
    public byte[] Serialize(TState state)
    {
        if (codec is null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(state, jsonOptions);
        }

        var payload = codec.Encode(state);
        EnsureNotReadAsJson(codec, payload);
        return payload;
    }

    /// <summary>
    /// The payload for a write-behind snapshot: a codec's in an array from <see cref="SnapshotPayloads"/>
    /// (<paramref name="rented"/>, to hand back once written), JSON in an array of its own (<paramref name="rented"/> null).
    /// <paramref name="sizeHint"/> is the length the payload probably has (the last one's).
    /// </summary>
    public ReadOnlyMemory<byte> SerializeForWrite(TState state, int sizeHint, out byte[]? rented)
    {
        if (codec is null)
        {
            rented = null;
            return JsonSerializer.SerializeToUtf8Bytes(state, jsonOptions);
        }

        var payload = PooledPayloadWriter.EncodeRented(codec, state, sizeHint, out var array);
        try
        {
            EnsureNotReadAsJson(codec, payload.Span);
        }
        catch
        {
            SnapshotPayloads.Return(array);
            throw;
        }

        rented = array;
        return payload;
    }

    private static void EnsureNotReadAsJson(IStateCodec<TState> codec, ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0 || payload[0] == (byte)'{' || IsJsonWhitespace(payload[0]))
        {
            // Stored, it would be read back as JSON (or as nothing) and the state lost at the next activation.
            throw new InvalidOperationException(
                $"{codec.GetType().Name} wrote a payload that is empty or starts with '{{' or whitespace, which would be read back as JSON; start it with a format-version byte.");
        }
    }

    public TState Deserialize(ReadOnlySpan<byte> payload) =>
        codec is null || IsJson(payload)
            ? JsonSerializer.Deserialize<TState>(payload, jsonOptions) ?? new TState()
            : codec.Decode(payload);

    /// <summary>Names the format <paramref name="payload"/> is read with, for the error that says it could not be.</summary>
    public string Describe(ReadOnlySpan<byte> payload) =>
        codec is null || IsJson(payload) ? "JSON" : codec.GetType().Name;

    private static bool IsJson(ReadOnlySpan<byte> payload)
    {
        foreach (var b in payload)
        {
            if (!IsJsonWhitespace(b))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }

    private static bool IsJsonWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
