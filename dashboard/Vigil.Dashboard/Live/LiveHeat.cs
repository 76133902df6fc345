using Vigil.Grains.Contracts.Heat;

namespace Vigil.Dashboard.Live;

/// <summary>One heat list as the dashboard holds it: a region's (or <c>global</c>) top rooms.</summary>
public sealed record LiveHeat(string ListId, IReadOnlyList<HeatEntry> Top);
