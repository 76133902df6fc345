namespace Vigil.Grains.Contracts.Advisors;

/// <summary>One rejected roster line: its 1-based line number, the field at fault and what to do about it.</summary>
public sealed record RosterLineError(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, {Field}: {Message}";
}
