namespace Vigil.Benchmarks.Infrastructure;

/// <summary>A figure's goal: at least or at most a value.</summary>
internal sealed record Target(double Value, bool AtMost)
{
    public static Target AtLeastOf(double value) => new(value, AtMost: false);

    public static Target AtMostOf(double value) => new(value, AtMost: true);

    public bool IsMetBy(double measured) => AtMost ? measured <= Value : measured >= Value;

    public override string ToString() => (AtMost ? "<= " : ">= ") + Format.Number(Value);
}
