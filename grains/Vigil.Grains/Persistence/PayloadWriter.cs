using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Grains.Persistence;

/// <summary>
/// Writes the little-endian primitives of a binary state payload straight into an <see cref="IBufferWriter{T}"/>:
/// fixed-width numbers, 7-bit-encoded counts and enums (small values take one byte), length-prefixed UTF-8 strings
/// with null told apart from empty, and arrays of numbers copied as a block. <see cref="PayloadReader"/> reads it.
/// Call <see cref="Flush"/> when done; nothing is committed to the output before.
/// </summary>
internal ref struct PayloadWriter
{
    // Asked for when the current span is full: enough for most states in one go, so growing is rare.
    private const int ChunkBytes = 1024;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _position;

    public PayloadWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _span = output.GetSpan(ChunkBytes);
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _span[_position++] = value;
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value)
    {
        Ensure(sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(_span[_position..], value);
        _position += sizeof(int);
    }

    public void WriteInt64(long value)
    {
        Ensure(sizeof(long));
        BinaryPrimitives.WriteInt64LittleEndian(_span[_position..], value);
        _position += sizeof(long);
    }

    public void WriteDouble(double value)
    {
        Ensure(sizeof(double));
        BinaryPrimitives.WriteDoubleLittleEndian(_span[_position..], value);
        _position += sizeof(double);
    }

    /// <summary>A non-negative count or length in 7-bit groups, low group first (LEB128).</summary>
    public void WriteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Ensure(5);
        var remaining = (uint)value;
        while (remaining >= 0x80)
        {
            _span[_position++] = (byte)(remaining | 0x80);
            remaining >>= 7;
        }

        _span[_position++] = (byte)remaining;
    }

    /// <summary>An int-backed enum as its 7-bit-encoded value; <see cref="PayloadReader.ReadEnum{TEnum}"/> checks it is defined.</summary>
    public void WriteEnum<TEnum>(TEnum value) where TEnum : struct, Enum => WriteCount(Unsafe.BitCast<TEnum, int>(value));

    /// <summary>The UTC instant in ticks and the offset in minutes (events keep the offset they were sent with).</summary>
    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteInt64(value.UtcTicks);
        Ensure(sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(_span[_position..], (short)value.TotalOffsetMinutes);
        _position += sizeof(short);
    }

    public void WriteNullableDateTimeOffset(DateTimeOffset? value)
    {
        WriteBoolean(value.HasValue);
        if (value is { } present)
        {
            WriteDateTimeOffset(present);
        }
    }

    /// <summary>0 for null, else the UTF-8 length plus one, then the UTF-8 bytes.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteCount(0);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteCount(length + 1);
        Ensure(length);
        _position += Encoding.UTF8.GetBytes(value, _span[_position..]);
    }

    /// <summary>The count, then the values as one little-endian block.</summary>
    public void WriteValues<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        WriteCount(values.Length);
        var bytes = MemoryMarshal.AsBytes(values);
        Ensure(bytes.Length);
        var destination = _span.Slice(_position, bytes.Length);
        bytes.CopyTo(destination);
        SwapToLittleEndian(destination, Unsafe.SizeOf<T>());
        _position += bytes.Length;
    }

    /// <summary>Commits what was written to the output.</summary>
    public void Flush()
    {
        _output.Advance(_position);
        _span = default;
        _position = 0;
    }

    /// <summary>Turns values copied in the machine's byte order into little-endian (or back); nothing to do on little-endian machines.</summary>
    internal static void SwapToLittleEndian(Span<byte> values, int valueSize)
    {
        if (BitConverter.IsLittleEndian || valueSize == 1)
        {
            return;
        }

        for (var i = 0; i < values.Length; i += valueSize)
        {
            values.Slice(i, valueSize).Reverse();
        }
    }

    private void Ensure(int bytes)
    {
        if (_span.Length - _position < bytes)
        {
            _output.Advance(_position);
            _position = 0;
            _span = _output.GetSpan(Math.Max(bytes, ChunkBytes));
        }
    }
}
