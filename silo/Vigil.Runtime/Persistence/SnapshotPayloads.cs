using System.Buffers;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// Arrays reused for encoded write-behind snapshots, from the snapshot until the writer has written them. A fresh
/// array per snapshot lived just long enough to be in flight at the next garbage collection (the writer is a few
/// hundred milliseconds behind under load) and was copied out of the young generation each time: most of what a
/// collection had to copy at full ingest. Reused arrays are long in the old generation and hold no references, so a
/// collection neither copies nor scans them.
/// </summary>
internal static class SnapshotPayloads
{
    /// <summary>Larger payloads (a big alert center) are rare; they get an array of their own, as before.</summary>
    private const int MaxPooledBytes = 1024 * 1024;

    /// <summary>Arrays kept per size class: a flush tick's worth of room snapshots in flight, with room to spare.</summary>
    private const int ArraysPerSize = 4096;

    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(MaxPooledBytes, ArraysPerSize);

    /// <summary>An array of at least <paramref name="length"/> bytes, to <see cref="Return"/> once written.</summary>
    public static byte[] Rent(int length) => Pool.Rent(length);

    public static void Return(byte[] array) => Pool.Return(array);
}
