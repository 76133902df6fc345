namespace Vigil.Grains.Vips;

/// <summary>
/// One event-time day of a user's engagement. A struct in a fixed ring of days (<see cref="VipUserState.Days"/>) so a
/// user costs one array, whatever their traffic; settable properties because grain state is stored as JSON.
/// </summary>
/// <remarks>
/// 20 bytes instead of 64, because a million VIPs hold 60 of these each: the day as a 16-bit offset from 1970, the
/// coin and minute sums as <see cref="float"/> (exact for whole coins up to 16.7 million a day; minutes to well under a
/// second), and the small daily counters packed into one 32-bit word. Counters saturate at their field's maximum
/// (sessions 1,023, complaints opened or resolved 31, surveys 15, survey score sum 255, gifts 65,535 a day), far beyond
/// what a person does in a day. The properties keep their types and names, so the stored JSON is unchanged.
/// </remarks>
public struct DayBucket
{
    // DayNumber of 1969-12-31: 1970-01-01 is stored as 1, so that 0 still marks an unused slot. Days before 1970
    // clamp to it (an event that old falls outside the ring's 60 days anyway); 65,535 reaches into 2149.
    private const int Epoch = 719_161;

    private const int SessionsShift = 0, SessionsBits = 10;
    private const int OpenedShift = 10, OpenedBits = 5;
    private const int ResolvedShift = 15, ResolvedBits = 5;
    private const int SurveysShift = 20, SurveysBits = 4;
    private const int ScoreSumShift = 24, ScoreSumBits = 8;

    private ushort _day;
    private ushort _gifts;
    private float _giftCoins;
    private float _viewingMinutes;
    private float _sessionMinutes;
    private uint _counters;

    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC day; 0 marks an unused slot.</summary>
    public int Day
    {
        readonly get => _day == 0 ? 0 : _day + Epoch;
        set => _day = value <= 0 ? (ushort)0 : (ushort)Math.Clamp(value - Epoch, 1, ushort.MaxValue);
    }

    /// <summary>Gift value in platform coins.</summary>
    public double GiftCoins
    {
        readonly get => _giftCoins;
        set => _giftCoins = (float)value;
    }

    public int Gifts
    {
        readonly get => _gifts;
        set => _gifts = (ushort)Math.Clamp(value, 0, ushort.MaxValue);
    }

    /// <summary>Minutes in live rooms, from viewer.joined/viewer.left pairs, counted on the day of the join.</summary>
    public double ViewingMinutes
    {
        readonly get => _viewingMinutes;
        set => _viewingMinutes = (float)value;
    }

    /// <summary>App sessions started.</summary>
    public int Sessions
    {
        readonly get => Get(SessionsShift, SessionsBits);
        set => Set(SessionsShift, SessionsBits, value);
    }

    /// <summary>App session minutes reported on session end.</summary>
    public double SessionMinutes
    {
        readonly get => _sessionMinutes;
        set => _sessionMinutes = (float)value;
    }

    public int ComplaintsOpened
    {
        readonly get => Get(OpenedShift, OpenedBits);
        set => Set(OpenedShift, OpenedBits, value);
    }

    public int ComplaintsResolved
    {
        readonly get => Get(ResolvedShift, ResolvedBits);
        set => Set(ResolvedShift, ResolvedBits, value);
    }

    public int Surveys
    {
        readonly get => Get(SurveysShift, SurveysBits);
        set => Set(SurveysShift, SurveysBits, value);
    }

    public int SurveyScoreSum
    {
        readonly get => Get(ScoreSumShift, ScoreSumBits);
        set => Set(ScoreSumShift, ScoreSumBits, value);
    }

    private readonly int Get(int shift, int bits) => (int)((_counters >> shift) & ((1u << bits) - 1));

    private void Set(int shift, int bits, int value)
    {
        var mask = (1u << bits) - 1;
        _counters = (_counters & ~(mask << shift)) | ((uint)Math.Clamp(value, 0, (int)mask) << shift);
    }
}
