using System.Security.Claims;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Contracts.Heat;
using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>People and feed items the live push's tests are written with.</summary>
internal static class LiveFixtures
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static ClaimsPrincipal User(string name, string[] roles, Region[]? regions = null, string? advisorId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange((regions ?? []).Select(r => new Claim(VigilClaims.Region, r.ToString())));
        if (advisorId is not null)
        {
            claims.Add(new Claim(VigilClaims.AdvisorId, advisorId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static ClaimsPrincipal Operator(params Region[] regions) => User(regions.Length == 0 ? "operator" : "operator-" + string.Join("-", regions), [Roles.Operator], regions);

    public static ClaimsPrincipal Advisor(string advisorId) => User(advisorId, [Roles.Advisor], advisorId: advisorId);

    public static ClaimsPrincipal Qa() => User("qa", [Roles.Qa]);

    public static ClaimsPrincipal Commander() => User("commander", [Roles.Commander]);

    public static ClaimsPrincipal Admin() => User("admin", [Roles.Admin]);

    public static AlertSnapshot Alert(string id, long version = 1, AlertStatus status = AlertStatus.Open) => new()
    {
        Id = id,
        RoomId = "room-" + id,
        BroadcasterId = "b-" + id,
        Region = Enum.Parse<Region>(id[..id.IndexOf('-')]),
        Category = Category.Nudity,
        Severity = Severity.P1,
        Status = status,
        RaisedAt = At,
        UpdatedAt = At,
        Reasons = ["video classifier scored nudity 0.93"],
        EvidenceCount = 3,
        PeakScore = 0.97,
        Version = version,
    };

    public static AlertChanged AlertChange(string id, long version = 1, AlertStatus status = AlertStatus.Open) =>
        new(Alert(id, version, status), version == 1 ? "raised" : "updated") { At = At };

    public static Nudge Nudge(string id, string advisorId, long version = 1) => new()
    {
        Id = id,
        UserId = "vip-" + id,
        AdvisorId = advisorId,
        Risk = 80,
        Reasons = ["spend down 72%"],
        Status = NudgeStatus.Open,
        CreatedAt = At,
        UpdatedAt = At,
        DueAt = At.AddHours(4),
        Version = version,
    };

    public static NudgeChanged NudgeChange(string id, string advisorId, long version = 1) => new(Nudge(id, advisorId, version), "raised") { At = At };

    public static HeatListChanged HeatChange(string listId) => new(listId, [new HeatEntry("room-1", 0.9, 1200, 0.4, false)]) { At = At };

    public static IncidentSnapshot Incident(string id, string title, params Region[] regions) => new()
    {
        Id = id,
        Title = title,
        Severity = Severity.P1,
        Status = IncidentStatus.Declared,
        Commander = "commander",
        DeclaredBy = "operator",
        DeclaredAt = At,
        UpdatedAt = At,
        AlertIds = [],
        RoomIds = [],
        BroadcasterIds = [],
        Regions = regions,
        Timeline = [],
        Version = 1,
    };

    public static IncidentChanged IncidentChange(string id, params Region[] regions) => new(Incident(id, "raid", regions), "declared") { At = At };
}
