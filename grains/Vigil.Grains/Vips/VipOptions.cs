namespace Vigil.Grains.Vips;

/// <summary>
/// How VIP engagement is windowed and how advisors follow up, bound from <c>Vigil:Vips</c>. The churn model's weights,
/// saturations, nudge threshold, cooldown and tier bounds are policy (<see cref="Policy.ChurnPolicy"/>), not options.
/// </summary>
public sealed class VipOptions
{
    public const string SectionName = "Vigil:Vips";

    /// <summary>Days of "recent" behaviour compared with the user's own baseline.</summary>
    public int RecentDays { get; set; } = 7;

    /// <summary>Days before the recent window that make the user's baseline (28 = "their 4-week average").</summary>
    public int BaselineDays { get; set; } = 28;

    /// <summary>After an advisor marks a VIP contacted, a session and a gift within this time count as won back.</summary>
    public TimeSpan WinBackWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an advisor has to act on a new nudge.</summary>
    public TimeSpan NudgeDueAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How often an advisor's grain checks snoozes and keeps itself active (it must be below the idle timeout to keep
    /// the advisor's timers alive); <see cref="TimeSpan.Zero"/> turns the tick off.
    /// </summary>
    public TimeSpan AdvisorTickInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an advisor asks every VIP of the portfolio to re-assess, so a VIP who simply stops coming (and so
    /// sends no events) is still nudged; <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan PortfolioReassessInterval { get; set; } = TimeSpan.FromDays(1);
}
