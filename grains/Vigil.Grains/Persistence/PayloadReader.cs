using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Grains.Persistence;

/// <summary>
/// Reads what <see cref="PayloadWriter"/> wrote, checking every length against what is left and every enum against
/// its defined values, so a truncated or corrupt payload fails with an <see cref="InvalidDataException"/> that says
/// which field at which byte is wrong, never with an index or argument error from deep inside.
/// </summary>
internal ref struct PayloadReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _payload;
    private readonly string _format;
    private int _position;

    /// <param name="payload">The whole payload.</param>
    /// <param name="format">What the payload is, for error messages (for example "LiveRoomState payload").</param>
    public PayloadReader(ReadOnlySpan<byte> payload, string format)
    {
        _payload = payload;
        _format = format;
    }

    /// <summary>The part of the state being read (for example "Categories"), for error messages.</summary>
    public string Section { get; set; } = "";

    public byte ReadByte(string field) => Take(1, field)[0];

    public bool ReadBoolean(string field) => ReadByte(field) switch
    {
        0 => false,
        1 => true,
        var other => throw Invalid(field, $"is {other}, not a boolean (0 or 1)"),
    };

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int), field));

    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long), field));

    public double ReadDouble(string field) => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double), field));

    /// <summary>A 7-bit-encoded count; at most <see cref="int.MaxValue"/>.</summary>
    public int ReadCount(string field)
    {
        var start = _position;
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte(field);
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue && (shift < 28 || b < 0x10)
                    ? (int)value
                    : throw Invalid(field, "is a count larger than any array", start);
            }
        }

        throw Invalid(field, "is a count longer than five bytes", start);
    }

    /// <summary>An int-backed enum; a value it does not define is an error, not a silently unknown member.</summary>
    public TEnum ReadEnum<TEnum>(string field) where TEnum : struct, Enum
    {
        var start = _position;
        var value = Unsafe.BitCast<int, TEnum>(ReadCount(field));
        return Enum.IsDefined(value)
            ? value
            : throw Invalid(field, $"is {Unsafe.BitCast<TEnum, int>(value)}, which is no {typeof(TEnum).Name}", start);
    }

    public DateTimeOffset ReadDateTimeOffset(string field)
    {
        var start = _position;
        var utcTicks = ReadInt64(field);
        var offsetMinutes = BinaryPrimitives.ReadInt16LittleEndian(Take(sizeof(short), field));
        var localTicks = utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks || Math.Abs(offsetMinutes) > 14 * 60
            || localTicks < 0 || localTicks > DateTime.MaxValue.Ticks)
        {
            throw Invalid(field, $"is {utcTicks} UTC ticks at offset {offsetMinutes} minutes, which is no DateTimeOffset", start);
        }

        return new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes));
    }

    public DateTimeOffset? ReadNullableDateTimeOffset(string field) => ReadBoolean(field) ? ReadDateTimeOffset(field) : null;

    public string? ReadString(string field)
    {
        var start = _position;
        var prefix = ReadCount(field);
        if (prefix == 0)
        {
            return null;
        }

        var bytes = Take(prefix - 1, field);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(field, "is not valid UTF-8", start);
        }
    }

    /// <summary>Reads bytes written by <see cref="PayloadWriter.WriteValues{T}"/>, without a copy.</summary>
    public ReadOnlySpan<byte> ReadBytes(string field) => Take(ReadCount(field), field);

    /// <summary>Reads values written by <see cref="PayloadWriter.WriteValues{T}"/> into <paramref name="destination"/>, which they must fill exactly.</summary>
    public void ReadValues<T>(Span<T> destination, string field) where T : unmanaged
    {
        var start = _position;
        var count = ReadCount(field);
        if (count != destination.Length)
        {
            throw Invalid(field, $"has {count} values where {destination.Length} belong", start);
        }

        var bytes = MemoryMarshal.AsBytes(destination);
        Take(bytes.Length, field).CopyTo(bytes);
        PayloadWriter.SwapToLittleEndian(bytes, Unsafe.SizeOf<T>());
    }

    /// <summary>Fails unless every byte was read: bytes left over mean the payload is not what this reader expects.</summary>
    public readonly void ExpectEnd()
    {
        if (_position != _payload.Length)
        {
            throw new InvalidDataException($"{_format} has {_payload.Length - _position} unexpected bytes after its end at byte {_position}.");
        }
    }

    /// <summary>An error about <paramref name="field"/> of the current section, which started at byte <paramref name="at"/> (default: the current byte).</summary>
    public readonly InvalidDataException Invalid(string field, string problem, int at = -1) =>
        new($"{_format} is invalid at byte {(at < 0 ? _position : at)}: {Where(field)} {problem}.");

    private ReadOnlySpan<byte> Take(int length, string field)
    {
        if (length > _payload.Length - _position)
        {
            throw new InvalidDataException(
                $"{_format} is truncated: {Where(field)} needs {length} bytes at byte {_position}, but the payload ends after {_payload.Length}.");
        }

        var bytes = _payload.Slice(_position, length);
        _position += length;
        return bytes;
    }

    private readonly string Where(string field) => Section.Length == 0 ? field : Section + "." + field;
}
