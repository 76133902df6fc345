using System.Buffers.Binary;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Rooms;

namespace Vigil.Grains.Rooms;

/// <summary>
/// A room's last <see cref="Minutes"/> minutes of event time in fixed byte rings, so the history costs at most
/// 600 bytes plus 60 bytes per category that had any risk in the hour, whatever the traffic (under 1.5 KB as JSON
/// with up to seven such categories; rooms usually show one to three). In memory, a row for every category is
/// allocated with the history.
/// Counters (chat lines, gift value) are booked in the minute of the event's timestamp, so late events land in their
/// own minute while it is in the window. Gauges (viewers, risks) are sampled at the room's clock when it evaluates;
/// a minute's risk is the highest sampled in it. Minutes without a sample are filled by <see cref="CatchUp"/> (a quiet
/// room's evidence did not change, so its decayed risk can be computed afterwards), and minutes skipped inside one
/// batch take that batch's sample.
/// </summary>
public sealed class MinuteHistory
{
    public const int Minutes = 60;

    /// <summary>Risk is stored as a byte: 1/250 steps, so every stored value is an exact 3-decimal number.</summary>
    public const double RiskScale = 250;

    // Per minute slot: viewers (int32), gift value in coins (float32), chat lines (uint16, saturating); little endian.
    private const int SlotBytes = 10;

    private static readonly int CategoryCount = Enum.GetValues<Category>().Length;

    /// <summary>The newest minute in the ring (Unix minutes); the ring holds <c>Newest - 59 .. Newest</c>.</summary>
    public long Newest { get; set; }

    /// <summary>The newest minute whose gauges were sampled; 0 before the first sample.</summary>
    public long Sampled { get; set; }

    /// <summary>The first minute with anything booked or sampled, so a young room's history starts when the room did.</summary>
    public long First { get; set; }

    public byte[] Activity { get; set; } = new byte[Minutes * SlotBytes];

    // Risk rows live in arrays with a row for every category, allocated with the room, so that a category appearing
    // or fading rewrites bytes in place instead of handing the room new arrays: the room's memory soon is old, and
    // the card of an old object pointing at a young array is scanned at every gen0 collection until the next gen1
    // one. (Rows grown in steps still handed most rooms a new array three or four times in their first minutes.)
    private Category[] _riskCategories = new Category[CategoryCount];
    private byte[] _risks = new byte[CategoryCount * Minutes];
    private int _rows;

    /// <summary>The categories with a risk row in <see cref="Risks"/>, in row order (a copy; set to load stored rows).</summary>
    public Category[] RiskCategories
    {
        get => _riskCategories[.._rows];
        set
        {
            _riskCategories = new Category[Math.Max(CategoryCount, value.Length)];
            value.CopyTo(_riskCategories, 0);
            _rows = value.Length;
        }
    }

    /// <summary><see cref="Minutes"/> bytes per category of <see cref="RiskCategories"/>, slot = minute modulo 60 (a copy; set to load stored rows).</summary>
    public byte[] Risks
    {
        get => _risks[..(_rows * Minutes)];
        set
        {
            _risks = new byte[Math.Max(CategoryCount * Minutes, value.Length)];
            value.CopyTo(_risks, 0);
        }
    }

    /// <summary>The categories with a risk row, without a copy.</summary>
    internal ReadOnlySpan<Category> RiskRowCategories => _riskCategories.AsSpan(0, _rows);

    /// <summary>The risk rows' bytes, without a copy.</summary>
    internal ReadOnlySpan<byte> RiskRowBytes => _risks.AsSpan(0, _rows * Minutes);

    public static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    public static DateTimeOffset StartOf(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);

    /// <summary>Books chat lines and gift coins in the minute of <paramref name="at"/>; dropped when older than the window.</summary>
    public void Book(DateTimeOffset at, int chatLines, double giftValue)
    {
        var minute = MinuteOf(at);
        if (minute > Newest)
        {
            Roll(minute);
        }
        else if (minute <= Newest - Minutes)
        {
            return;
        }

        First = First == 0 ? minute : Math.Min(First, minute);
        var slot = Slot(minute);
        BinaryPrimitives.WriteUInt16LittleEndian(slot[8..], (ushort)Math.Min(ushort.MaxValue, BinaryPrimitives.ReadUInt16LittleEndian(slot[8..]) + chatLines));
        BinaryPrimitives.WriteSingleLittleEndian(slot[4..], (float)(BinaryPrimitives.ReadSingleLittleEndian(slot[4..]) + giftValue));
    }

    /// <summary>Records the room's viewers and risks at <paramref name="minute"/>; unsampled minutes since the last sample take the same values.</summary>
    public void Sample(long minute, int viewers, ReadOnlySpan<KeyValuePair<Category, double>> risks)
    {
        minute = Math.Max(minute, Sampled);
        var from = Sampled == 0 ? minute : Math.Min(minute, Math.Max(Sampled + 1, minute - Minutes + 1));
        for (var m = from; m <= minute; m++)
        {
            Write(m, viewers, risks, keepHigher: m == minute);
        }

        First = First == 0 ? minute : Math.Min(First, minute);
        Sampled = minute;
    }

    /// <summary>
    /// Fills the minutes after the last sample up to <paramref name="minute"/> with <paramref name="gauges"/> (viewers and
    /// risks at a minute's start), for a room that was quiet: called before new events change its evidence.
    /// </summary>
    public void CatchUp(long minute, Func<long, (int Viewers, IEnumerable<KeyValuePair<Category, double>> Risks)> gauges)
    {
        if (Sampled == 0 || minute <= Sampled)
        {
            return;
        }

        for (var m = Math.Max(Sampled + 1, minute - Minutes + 1); m <= minute; m++)
        {
            var (viewers, risks) = gauges(m);
            Write(m, viewers, [.. risks], keepHigher: false);
        }

        Sampled = minute;
    }

    /// <summary>The points from the room's first minute (at most 60 minutes back) to <paramref name="minute"/>; minutes after the last sample come from <paramref name="gauges"/>.</summary>
    public IReadOnlyList<RoomHistoryPoint> Points(long minute, Func<long, (int Viewers, IEnumerable<KeyValuePair<Category, double>> Risks)> gauges)
    {
        if (Sampled == 0)
        {
            return [];
        }

        minute = Math.Max(minute, Sampled);
        var points = new List<RoomHistoryPoint>(Minutes);
        for (var m = Math.Max(First, minute - Minutes + 1); m <= minute; m++)
        {
            var inRing = m <= Newest && m > Newest - Minutes;
            var slot = inRing ? Slot(m) : default;
            var chat = inRing ? BinaryPrimitives.ReadUInt16LittleEndian(slot[8..]) : 0;
            var gifts = inRing ? Math.Round((double)BinaryPrimitives.ReadSingleLittleEndian(slot[4..]), 2) : 0;
            if (m > Sampled)
            {
                var (viewers, risks) = gauges(m);
                points.Add(new RoomHistoryPoint(StartOf(m), viewers, gifts, chat, risks.ToDictionary(r => r.Key, r => Quantize(r.Value) / RiskScale)));
            }
            else
            {
                var stored = new Dictionary<Category, double>(_rows);
                for (var row = 0; row < _rows && inRing; row++)
                {
                    stored[_riskCategories[row]] = _risks[(row * Minutes) + (int)(m % Minutes)] / RiskScale;
                }

                points.Add(new RoomHistoryPoint(StartOf(m), inRing ? BinaryPrimitives.ReadInt32LittleEndian(slot) : 0, gifts, chat, stored));
            }
        }

        return points;
    }

    private void Write(long minute, int viewers, ReadOnlySpan<KeyValuePair<Category, double>> risks, bool keepHigher)
    {
        if (minute > Newest)
        {
            Roll(minute);
        }
        else if (minute <= Newest - Minutes)
        {
            return;
        }

        BinaryPrimitives.WriteInt32LittleEndian(Slot(minute), viewers);
        var index = (int)(minute % Minutes);
        foreach (var (category, risk) in risks)
        {
            var value = Quantize(risk);
            var row = RiskRowCategories.IndexOf(category);
            if (row < 0 && value == 0)
            {
                continue;
            }

            row = row < 0 ? AddRow(category) : row;
            ref var stored = ref _risks[(row * Minutes) + index];
            stored = keepHigher ? Math.Max(stored, value) : value;
        }
    }

    /// <summary>Moves the ring forward to <paramref name="minute"/>, clearing the minutes it passes and dropping risk rows that are all zero.</summary>
    private void Roll(long minute)
    {
        for (var m = Math.Max(Newest + 1, minute - Minutes + 1); m <= minute; m++)
        {
            Slot(m).Clear();
            for (var row = 0; row < _rows; row++)
            {
                _risks[(row * Minutes) + (int)(m % Minutes)] = 0;
            }
        }

        Newest = minute;
        for (var row = _rows - 1; row >= 0; row--)
        {
            if (_risks.AsSpan(row * Minutes, Minutes).IndexOfAnyExcept((byte)0) < 0)
            {
                // In place: the rows after it move up one, and the last row's bytes are cleared for reuse.
                _riskCategories.AsSpan(row + 1, _rows - row - 1).CopyTo(_riskCategories.AsSpan(row));
                _risks.AsSpan((row + 1) * Minutes, (_rows - row - 1) * Minutes).CopyTo(_risks.AsSpan(row * Minutes));
                _rows--;
                _risks.AsSpan(_rows * Minutes, Minutes).Clear();
            }
        }
    }

    private int AddRow(Category category)
    {
        if (_rows == _riskCategories.Length || _risks.Length < (_rows + 1) * Minutes)
        {
            // At least one more row whatever was loaded (a stored history naming a category twice has more rows than categories).
            var capacity = Math.Max(_rows + 1, Math.Min(Math.Max(1, _rows * 2), CategoryCount));
            Array.Resize(ref _riskCategories, capacity);
            Array.Resize(ref _risks, capacity * Minutes);
        }

        _riskCategories[_rows] = category;
        _risks.AsSpan(_rows * Minutes, Minutes).Clear();
        return _rows++;
    }

    private Span<byte> Slot(long minute) => Activity.AsSpan((int)(minute % Minutes) * SlotBytes, SlotBytes);

    private static byte Quantize(double risk) => (byte)Math.Round(Math.Clamp(double.IsFinite(risk) ? risk : 0, 0, 1) * RiskScale);
}
