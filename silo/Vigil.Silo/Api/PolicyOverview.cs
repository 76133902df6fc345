using Vigil.Grains.Policy;

namespace Vigil.Silo.Api;

/// <summary>
/// <c>GET /api/policy</c>: the active policy version and where it came from, the candidate under shadow evaluation
/// (if any), the activation history (newest first) and the file operators edit for hot reload.
/// </summary>
public sealed record PolicyOverview(
    PolicyHistoryEntry Active,
    PolicyHistoryEntry? Candidate,
    IReadOnlyList<PolicyHistoryEntry> History,
    string PolicyFile);
