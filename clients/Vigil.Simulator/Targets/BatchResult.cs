namespace Vigil.Simulator.Targets;

/// <summary>The receiver's answer to one batch (the contract's 202 body) and how many attempts it took.</summary>
public sealed record BatchResult(int Accepted, int Duplicates, IReadOnlyList<RejectedLine> Rejected, int Attempts = 1)
{
    public static BatchResult AllAccepted(int count) => new(count, 0, []);
}
