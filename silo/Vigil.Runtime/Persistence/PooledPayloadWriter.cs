using System.Buffers;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// A buffer writer over arrays from <see cref="SnapshotPayloads"/>: a codec encodes a snapshot straight into the
/// array the writer later hands back, and growing trades the array for a larger pooled one, so neither a small nor a
/// multi-megabyte state allocates once the pool is warm.
/// </summary>
internal sealed class PooledPayloadWriter(int sizeHint) : IBufferWriter<byte>
{
    private const int MinimumBytes = 256;

    private byte[] _array = SnapshotPayloads.Rent(Math.Max(MinimumBytes, sizeHint));
    private int _written;

    /// <summary>
    /// Encodes <paramref name="state"/> straight into an array from <see cref="SnapshotPayloads"/> (<paramref name="rented"/>,
    /// longer than the payload), for a write-behind snapshot; the writer hands the array back once the write is done.
    /// <paramref name="sizeHint"/> (the state's last payload length) sizes the first array, so a large state does not
    /// grow into its array step by step.
    /// </summary>
    public static ReadOnlyMemory<byte> EncodeRented<TState>(IStateCodec<TState> codec, TState state, int sizeHint, out byte[] rented)
    {
        var writer = new PooledPayloadWriter(sizeHint);
        try
        {
            codec.Encode(state, writer);
        }
        catch
        {
            writer.Abandon();
            throw;
        }

        return writer.Detach(out rented);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _array.Length - _written)
        {
            throw new InvalidOperationException($"Advanced {count} bytes past the {_array.Length - _written} left in the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>The payload written, in the array now the caller's to <see cref="SnapshotPayloads.Return"/> once it is stored.</summary>
    public ReadOnlyMemory<byte> Detach(out byte[] rented)
    {
        rented = _array;
        _array = [];
        return new ReadOnlyMemory<byte>(rented, 0, _written);
    }

    /// <summary>Hands the array back unused (the encode failed).</summary>
    public void Abandon()
    {
        if (_array.Length > 0)
        {
            SnapshotPayloads.Return(_array);
            _array = [];
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        var larger = SnapshotPayloads.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)_array.Length * 2, (long)_written + needed)));
        _array.AsSpan(0, _written).CopyTo(larger);
        SnapshotPayloads.Return(_array);
        _array = larger;
    }
}
