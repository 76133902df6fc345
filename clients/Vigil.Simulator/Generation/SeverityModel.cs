using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>
/// The severity a correct detector should raise for an episode. The contract fixes one point: minor safety, self-harm
/// and violence with strong evidence are P1. The rest is the simulator's labelling: harm to people first, then explicit
/// content and illegal goods, then nuisance (spam, fraud, gambling, copyright, harassment); weaker evidence one step lower.
/// </summary>
internal static class SeverityModel
{
    public static readonly IReadOnlySet<Category> Critical = new HashSet<Category> { Category.MinorSafety, Category.SelfHarm, Category.Violence };

    private static readonly IReadOnlySet<Category> High = new HashSet<Category> { Category.Nudity, Category.Sexual, Category.Hate, Category.Weapons, Category.Drugs };

    public static string Expected(Category category, EvidenceStrength strength)
    {
        var level = Critical.Contains(category) ? 1 : High.Contains(category) ? 2 : 3;
        level += strength switch
        {
            EvidenceStrength.Strong => 0,
            EvidenceStrength.Moderate => 1,
            _ => 2,
        };
        return "P" + Math.Min(level, 4);
    }

    /// <summary>What a moderator decides for an episode of the given severity.</summary>
    public static ModerationAction Decision(SimRandom random, string severity) => severity switch
    {
        "P1" => random.Pick([ModerationAction.EndStream, ModerationAction.EndStream, ModerationAction.Suspend, ModerationAction.Ban]),
        "P2" => random.Pick([ModerationAction.EndStream, ModerationAction.Mute, ModerationAction.Warn, ModerationAction.Suspend]),
        "P3" => random.Pick([ModerationAction.Warn, ModerationAction.Warn, ModerationAction.Mute, ModerationAction.None]),
        _ => random.Pick([ModerationAction.None, ModerationAction.Warn]),
    };
}
