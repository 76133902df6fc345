using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Dashboard.Live;

/// <summary>
/// What a connection starts from: everything it may see, read after <see cref="Sequence"/> was taken, so every change
/// with a later sequence is pushed to it (changes already in the snapshot arrive again and are told apart by version).
/// </summary>
public sealed record LiveSnapshot(
    long Sequence,
    IReadOnlyList<AlertSnapshot> Alerts,
    IReadOnlyList<LiveHeat> Heat,
    IReadOnlyList<Nudge> Nudges,
    IReadOnlyList<IncidentSnapshot> Incidents);
