namespace Vigil.Simulator.Targets;

/// <summary>One line the receiver refused: its 1-based line in the batch, its id if readable, and the reason.</summary>
public sealed record RejectedLine(int Line, string? Id, string Error);
