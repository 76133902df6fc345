using System.Buffers;
using System.Buffers.Binary;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>
/// A binary <see cref="CounterState"/>: a version byte and the value as a little-endian int32, five bytes in all.
/// The version byte is a parameter so a test can make the codec break the rule that a payload must not start like JSON.
/// </summary>
public sealed class CounterStateCodec(byte version = CounterStateCodec.Version1) : IStateCodec<CounterState>
{
    public const byte Version1 = 7;

    public const int PayloadLength = 5;

    public void Encode(CounterState state, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(PayloadLength);
        span[0] = version;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], state.Value);
        output.Advance(PayloadLength);
    }

    public CounterState Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != PayloadLength || payload[0] != version)
        {
            throw new InvalidDataException($"a counter payload is {PayloadLength} bytes starting with version {version}; this one is {payload.Length} bytes long");
        }

        return new CounterState { Value = BinaryPrimitives.ReadInt32LittleEndian(payload[1..]) };
    }
}
