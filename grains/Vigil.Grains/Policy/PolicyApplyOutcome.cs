namespace Vigil.Grains.Policy;

/// <summary>What <see cref="PolicyStore"/> did with a policy it was given.</summary>
public enum PolicyApplyOutcome
{
    /// <summary>The policy is now in effect (active, or the candidate) and recorded in the history.</summary>
    Applied,

    /// <summary>The same text is already in effect; nothing changed and nothing was recorded.</summary>
    Unchanged,

    /// <summary>The policy has problems; the previous one stays in effect.</summary>
    Rejected,
}
