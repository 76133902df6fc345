namespace Vigil.Grains.Contracts.Reasons;

/// <summary>
/// A reason in a form a client can word in its own language: a stable <see cref="Code"/> (one of
/// <see cref="ReasonCodes.All"/>) and the values its template fills in. Values are formatted invariantly: decimals as
/// "0.95", percentages and counts as integers, durations as whole <c>days</c> or <c>hours</c>, categories by their
/// wire names ("minor_safety"). It travels next to the English text, never instead of it.
/// </summary>
public sealed record ReasonDetail(string Code, IReadOnlyDictionary<string, string> Args)
{
    /// <summary>Equal when the codes and every argument are equal (a record would compare the dictionaries by reference).</summary>
    public bool Equals(ReasonDetail? other) =>
        other is not null
        && Code == other.Code
        && Args.Count == other.Args.Count
        && Args.All(a => other.Args.TryGetValue(a.Key, out var value) && value == a.Value);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);
}
