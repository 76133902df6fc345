using System.Buffers;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// One growable encode buffer per thread, so that a codec's snapshot costs one exact-size array (the payload that
/// storage keeps) instead of a fresh buffer and its growth steps each time. Encoding is synchronous, so a thread's
/// buffer is never shared; it is taken out of its slot while in use, so a codec that encodes a nested state through
/// another codec gets a buffer of its own instead of overwriting its caller's.
/// </summary>
internal static class ThreadEncodeBuffer
{
    /// <summary>A buffer that grew beyond this (one unusually large state) is not kept, so it cannot pin memory.</summary>
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] Encode<TState>(IStateCodec<TState> codec, TState state)
    {
        // Out of its slot while in use, so a nested encode gets a buffer of its own.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        try
        {
            codec.Encode(state, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= MaxRetainedBytes)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
            }
        }
    }
}
