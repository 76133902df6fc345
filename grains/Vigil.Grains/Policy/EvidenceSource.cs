namespace Vigil.Grains.Policy;

/// <summary>A kind of evidence about a room's category; each decays with its own half-life.</summary>
public enum EvidenceSource
{
    /// <summary>A classifier's <c>moderation.score</c> (video, audio, chat or image).</summary>
    AutomatedScore,

    /// <summary>A viewer's <c>report.filed</c>.</summary>
    UserReport,

    /// <summary>A chat line that matched the policy's keyword list.</summary>
    ChatKeyword,
}
