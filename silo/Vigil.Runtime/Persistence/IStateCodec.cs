using System.Buffers;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// A hand-written encoding of one grain state type, for states whose reflection-based JSON costs too much CPU or
/// space (every dirty state is serialized each flush interval). Register one as a singleton
/// <c>IStateCodec&lt;TState&gt;</c> and every <see cref="IPersistentState{TState}"/> of that type uses it to write and
/// read; states without one stay JSON.
/// </summary>
/// <remarks>
/// <para>
/// Records written before the codec was registered are JSON, and the runtime still reads them as JSON: a payload whose
/// first non-whitespace byte is <c>{</c> never reaches <see cref="Decode"/>. So an encoded payload must not be empty
/// and its first byte must be neither <c>{</c> nor JSON whitespace (space, tab, CR, LF); the runtime refuses to
/// store one that is. A leading format-version byte (1, 2, ...) satisfies this and lets a later version of the codec
/// read what an earlier one wrote.
/// </para>
/// <para>
/// The runtime resolves the codec once per state and calls it from many activations at once, so it must be
/// stateless (or thread-safe). <see cref="Decode"/> throws (preferably <see cref="InvalidDataException"/>, saying
/// what is wrong) when the payload is not one it wrote; the runtime then fails the activation naming the grain and
/// the state, as it does for a corrupt JSON record.
/// </para>
/// </remarks>
public interface IStateCodec<TState>
{
    /// <summary>Appends the encoded <paramref name="state"/> to <paramref name="output"/>.</summary>
    void Encode(TState state, IBufferWriter<byte> output);

    /// <summary>
    /// The encoded <paramref name="state"/> in an array of exactly its length, which the runtime hands to storage and
    /// keeps until the write completes. The default encodes into a buffer reused by the calling thread and copies
    /// the result out once.
    /// </summary>
    byte[] Encode(TState state) => ThreadEncodeBuffer.Encode(this, state);

    /// <summary>Reads a state from a payload <see cref="Encode(TState, IBufferWriter{byte})"/> wrote.</summary>
    TState Decode(ReadOnlySpan<byte> payload);
}
