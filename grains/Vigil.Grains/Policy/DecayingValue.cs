namespace Vigil.Grains.Policy;

/// <summary>
/// An amount of evidence that halves every half-life, kept as its value at <see cref="AsOf"/>. Because decay is
/// the same scaling for everything, evidence arriving late (event time before <see cref="AsOf"/>) folds in
/// exactly: it is decayed forward to <see cref="AsOf"/> instead of the total being decayed back.
/// </summary>
public readonly record struct DecayingValue(double Value, DateTimeOffset AsOf)
{
    /// <summary>The value at <paramref name="now"/>; never grows when asked about a time before <see cref="AsOf"/>.</summary>
    public double ValueAt(DateTimeOffset now, TimeSpan halfLife) => Value == 0 ? 0 : Value * Factor(now - AsOf, halfLife);

    /// <summary>Adds <paramref name="amount"/> observed at <paramref name="at"/> (a report, a keyword hit).</summary>
    public DecayingValue Add(double amount, DateTimeOffset at, TimeSpan halfLife) =>
        IsEmpty || at >= AsOf
            ? new DecayingValue(ValueAt(at, halfLife) + amount, at)
            : new DecayingValue(Value + (amount * Factor(AsOf - at, halfLife)), AsOf);

    /// <summary>Raises the value to at least <paramref name="level"/> observed at <paramref name="at"/> (a decayed peak score).</summary>
    public DecayingValue RaiseTo(double level, DateTimeOffset at, TimeSpan halfLife) =>
        IsEmpty || at >= AsOf
            ? new DecayingValue(Math.Max(ValueAt(at, halfLife), level), at)
            : new DecayingValue(Math.Max(Value, level * Factor(AsOf - at, halfLife)), AsOf);

    private bool IsEmpty => Value == 0 && AsOf == default;

    private static double Factor(TimeSpan age, TimeSpan halfLife) =>
        age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age.TotalSeconds / halfLife.TotalSeconds);
}
