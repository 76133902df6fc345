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
    private const int MaxSmallBytes = 1024 * 1024;

    /// <summary>Arrays kept per size class: a flush tick's worth of room snapshots in flight, with room to spare.</summary>
    private const int SmallArraysPerSize = 4096;

    /// <summary>
    /// Large payloads (a region's alert center holds thousands of alerts) are few, and a fresh multi-megabyte array per
    /// snapshot cost more in page faults on this machine than encoding it: 14 ms to allocate and fill 4.6 MB. A few
    /// are kept per size class; larger than this, a payload gets an array of its own.
    /// </summary>
    private const int MaxLargeBytes = 64 * 1024 * 1024;

    private const int LargeArraysPerSize = 4;

    private static readonly ArrayPool<byte> Small = ArrayPool<byte>.Create(MaxSmallBytes, SmallArraysPerSize);

    private static readonly ArrayPool<byte> Large = ArrayPool<byte>.Create(MaxLargeBytes, LargeArraysPerSize);

    /// <summary>An array of at least <paramref name="length"/> bytes, to <see cref="Return"/> once written.</summary>
    public static byte[] Rent(int length) => length <= MaxSmallBytes ? Small.Rent(length) : Large.Rent(length);

    /// <summary>Hands back an array from <see cref="Rent"/>; one larger than any pooled size is left to the collector.</summary>
    public static void Return(byte[] array)
    {
        if (array.Length <= MaxSmallBytes)
        {
            Small.Return(array);
        }
        else if (array.Length <= MaxLargeBytes)
        {
            Large.Return(array);
        }
    }
}
