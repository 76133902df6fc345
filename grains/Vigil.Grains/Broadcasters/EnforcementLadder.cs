using Vigil.Grains.Contracts.Broadcasters;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Broadcasters;

/// <summary>
/// Strike points and the enforcement ladder. Each human decision adds points by its action; points halve every
/// <see cref="StrikeHalfLife"/>, so an old warning fades while a run of recent ones climbs the ladder.
/// </summary>
public static class EnforcementLadder
{
    public static readonly TimeSpan StrikeHalfLife = TimeSpan.FromDays(30);

    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(30);

    /// <summary>Enforcements within <see cref="RepeatWindow"/> that make a repeat offender.</summary>
    public const int RepeatCount = 3;

    public static double Points(ModerationAction action) => action switch
    {
        ModerationAction.Warn or ModerationAction.Mute => 1,
        ModerationAction.EndStream => 2,
        ModerationAction.Suspend => 4,
        ModerationAction.Ban => 8,
        _ => 0,
    };

    public static double Strikes(IEnumerable<EnforcementRecord> history, DateTimeOffset now) =>
        history.Sum(r => Points(r.Action) * Math.Pow(0.5, Math.Max(0, (now - r.At).TotalDays) / StrikeHalfLife.TotalDays));

    public static (EnforcementStep Step, string Reason) Suggest(double strikes, bool repeatOffender, bool hasSevereOpenAlert)
    {
        var step = strikes switch
        {
            >= 12 => EnforcementStep.Permanent,
            >= 6 => EnforcementStep.LongerBan,
            >= 3 => EnforcementStep.TemporaryLiveBan,
            >= 0.5 => EnforcementStep.Warn,
            _ => EnforcementStep.None,
        };
        var reason = $"{strikes:0.#} strike points";
        if (repeatOffender && step < EnforcementStep.Permanent)
        {
            step++;
            reason += $"; repeat offender ({RepeatCount}+ enforcements in {RepeatWindow.TotalDays:0} days) moves one step up";
        }

        if (hasSevereOpenAlert && step == EnforcementStep.None)
        {
            step = EnforcementStep.Warn;
            reason += "; an open P1 alert on a live room";
        }

        return (step, reason);
    }
}
