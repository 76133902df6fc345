namespace Vigil.Grains.Vips;

/// <summary>
/// One event-time day of a user's engagement. A struct in a fixed ring of days (<see cref="VipUserState.Days"/>) so a
/// user costs one array, whatever their traffic; settable properties because grain state is stored as JSON.
/// </summary>
public struct DayBucket
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC day; 0 marks an unused slot.</summary>
    public int Day { get; set; }

    /// <summary>Gift value in platform coins.</summary>
    public double GiftCoins { get; set; }

    public int Gifts { get; set; }

    /// <summary>Minutes in live rooms, from viewer.joined/viewer.left pairs, counted on the day of the join.</summary>
    public double ViewingMinutes { get; set; }

    /// <summary>App sessions started.</summary>
    public int Sessions { get; set; }

    /// <summary>App session minutes reported on session end.</summary>
    public double SessionMinutes { get; set; }

    public int ComplaintsOpened { get; set; }

    public int ComplaintsResolved { get; set; }

    public int Surveys { get; set; }

    public int SurveyScoreSum { get; set; }
}
