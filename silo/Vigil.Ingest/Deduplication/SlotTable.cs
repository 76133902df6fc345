using System.Runtime.InteropServices;

namespace Vigil.Ingest.Deduplication;

/// <summary>
/// The slots of one <see cref="UInt64HashSet"/> table, in native memory that starts zeroed and that the set frees
/// itself when the table is replaced.
/// </summary>
/// <remarks>
/// <para><b>Why not a managed array.</b> With tens of millions of ids a table is hundreds of megabytes. As a managed
/// array each doubling was a large-object allocation that counted towards the next full collection, and its first
/// writes (the move, under the de-duplicator's lock) page-faulted: measured at the latency benchmark's 80 % load,
/// every ingest request held that lock for 10-40 ms for two seconds after the table doubled to 512 MB, and all
/// other requests queued behind it.</para>
/// <para><b>Faults ahead of use.</b> On Linux the table asks for transparent huge pages (<c>madvise</c>), so one
/// fault maps 2 MB instead of 4 KB (23 million random writes into a fresh 512 MB table: 0.2-0.9 s instead of
/// 1.5 s on this project's machine), and the set touches the next table's pages a share at a time, while the
/// current one still has room (<see cref="Prefault"/>), so the move that follows writes into memory already
/// mapped.</para>
/// </remarks>
internal sealed unsafe class SlotTable
{
    private const int MAdviseHugePage = 14;
    private const nuint HugePage = 2 * 1024 * 1024;
    private const int TouchStride = 4096 / sizeof(ulong);

    private ulong* _slots;
    private int _prefaulted;

    private SlotTable(int length)
    {
        Length = length;
        Mask = length - 1;
        var bytes = (nuint)length * sizeof(ulong);
        _slots = (ulong*)NativeMemory.AllocZeroed(bytes);
        if (OperatingSystem.IsLinux() && bytes >= 2 * HugePage)
        {
            // Advice only: without transparent huge pages (or off Linux, or without the call) the table works the
            // same with 4 KB pages.
            var start = ((nuint)_slots + HugePage - 1) & ~(HugePage - 1);
            var end = ((nuint)_slots + bytes) & ~(HugePage - 1);
            try
            {
                _ = MAdvise((nint)start, end - start, MAdviseHugePage);
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                // Nothing to do: the table keeps small pages.
            }
        }
    }

    ~SlotTable() => FreeMemory();

    public int Length { get; }

    public int Mask { get; }

    /// <summary>Whether every page has been touched by <see cref="Prefault"/>.</summary>
    public bool IsPrefaulted => _prefaulted >= Length;

    public ref ulong this[int index] => ref _slots[index];

    /// <summary>A zeroed table of <paramref name="length"/> slots (a power of two).</summary>
    public static SlotTable Allocate(int length)
    {
        if (length < 1 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A slot table's length must be a power of two.");
        }

        return new SlotTable(length);
    }

    /// <summary>
    /// Touches pages until the first <paramref name="slots"/> slots are mapped. Only for a table no one has written
    /// yet: the touch writes zero.
    /// </summary>
    public void Prefault(int slots)
    {
        var end = Math.Min(slots, Length);
        for (; _prefaulted < end; _prefaulted += TouchStride)
        {
            Volatile.Write(ref _slots[_prefaulted], 0UL);
        }
    }

    /// <summary>Frees the memory; the table must not be used afterwards.</summary>
    public void Free()
    {
        FreeMemory();
        GC.SuppressFinalize(this);
    }

    private void FreeMemory()
    {
        if (_slots is not null)
        {
            NativeMemory.Free(_slots);
            _slots = null;
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int MAdvise(nint address, nuint length, int advice);
}
