using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Incidents;
using Vigil.Grains.Contracts.Rooms;
using Vigil.Grains.Tests.Infrastructure;

namespace Vigil.Grains.Tests.Incidents;

public sealed class IncidentDeskGrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeclaringFromAlertsLinksTheirRoomsBroadcastersAndRegions()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var mena = await RaiseAlert(silo, "r-inc-1", Region.MENA);
        var na = await RaiseAlert(silo, "r-inc-2", Region.NA);

        var incident = await Desk(silo).Declare(new IncidentDeclaration("Coordinated self-harm streams", Severity.P1, "cmd-omar", [mena.Id, na.Id]), "op-lina");

        Assert.Equal("INC-000001", incident.Id);
        Assert.Equal(IncidentStatus.Declared, incident.Status);
        Assert.Equal(["r-inc-1", "r-inc-2"], incident.RoomIds);
        Assert.Equal(["b-r-inc-1", "b-r-inc-2"], incident.BroadcasterIds);
        Assert.Equal([Region.MENA, Region.NA], incident.Regions);
        Assert.Equal(("op-lina", "cmd-omar", 1L), (incident.DeclaredBy, incident.Commander, incident.Version));
        var entry = Assert.Single(incident.Timeline);
        Assert.Equal(("op-lina", silo.Time.GetUtcNow()), (entry.Actor, entry.At));
    }

    [Fact]
    public async Task AnUnknownAlertIsRefusedNamingIt()
    {
        await using var silo = await GrainTestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Desk(silo).Declare(new IncidentDeclaration("Nothing", Severity.P2, "cmd-omar", ["MENA-999999"]), "op-lina"));

        Assert.Contains("MENA-999999", error.Message);
        Assert.Empty(await Desk(silo).List(includeResolved: true));
    }

    [Theory]
    [InlineData("", "cmd", "title")]
    [InlineData("t", " ", "commander")]
    [InlineData("t", "cmd", "alertIds")]
    public async Task ADeclarationMissingAFieldIsRefusedNamingTheField(string title, string commander, string field)
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var alertIds = field == "alertIds" ? Array.Empty<string>() : ["MENA-000001"];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Desk(silo).Declare(new IncidentDeclaration(title, Severity.P1, commander, alertIds), "op"));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public async Task ATitleLongerThan200CharactersIsRefused()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var alert = await RaiseAlert(silo, "r-long", Region.MENA);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Desk(silo).Declare(new IncidentDeclaration(new string('x', 201), Severity.P1, "cmd", [alert.Id]), "op"));

        Assert.Equal("title", error.ParamName);
    }

    [Fact]
    public async Task StatusMovesDeclaredMitigatingResolvedWithATimelineEntryForEachChange()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var id = await DeclareOne(silo);

        silo.Time.Advance(TimeSpan.FromMinutes(3));
        await Desk(silo).SetStatus(id, IncidentStatus.Mitigating, "cmd-omar", "streams being ended");
        silo.Time.Advance(TimeSpan.FromMinutes(7));
        var resolved = await Desk(silo).SetStatus(id, IncidentStatus.Resolved, "cmd-omar", null);

        Assert.Equal(IncidentStatus.Resolved, resolved.Status);
        Assert.Equal(silo.Time.GetUtcNow(), resolved.ResolvedAt);
        Assert.Equal(3L, resolved.Version);
        Assert.Equal(["mitigating", "resolved"], resolved.Timeline.Skip(1).Select(e => e.What));
        Assert.Equal("streams being ended", resolved.Timeline[1].Note);
        Assert.Equal(Start.AddMinutes(3), resolved.Timeline[1].At);
    }

    [Fact]
    public async Task AMitigationThatDidNotHoldGoesBackToDeclared()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var id = await DeclareOne(silo);
        await Desk(silo).SetStatus(id, IncidentStatus.Mitigating, "cmd-omar", null);

        var reopened = await Desk(silo).SetStatus(id, IncidentStatus.Declared, "cmd-omar", "new rooms joined");

        Assert.Equal(IncidentStatus.Declared, reopened.Status);
        Assert.Equal("reopened", reopened.Timeline[^1].What);
    }

    [Fact]
    public async Task AResolvedIncidentIsFinal()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var id = await DeclareOne(silo);
        await Desk(silo).SetStatus(id, IncidentStatus.Resolved, "cmd-omar", "false alarm");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk(silo).SetStatus(id, IncidentStatus.Mitigating, "cmd-omar", null));

        Assert.Contains(id, error.Message);
        Assert.Equal(IncidentStatus.Resolved, (await Desk(silo).Get(id))!.Status);
    }

    [Fact]
    public async Task ANoteLongerThan2000CharactersIsRefused()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var id = await DeclareOne(silo);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Desk(silo).AddNote(id, "op", new string('n', 2001)));

        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public async Task AnUnknownIncidentIsNotFound()
    {
        await using var silo = await GrainTestSilo.StartAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Desk(silo).AddNote("INC-000404", "op", "hello"));
    }

    [Fact]
    public async Task EveryChangeIsPublishedInOrderWithItsVersion()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        await using var feed = new IncidentFeedProbe(silo.Feed);
        var id = await DeclareOne(silo);

        await Desk(silo).AddNote(id, "op-lina", "<script>alert(1)</script>");
        await Desk(silo).SetStatus(id, IncidentStatus.Mitigating, "cmd-omar", null);

        var changes = new[] { await feed.Next("the declaration"), await feed.Next("the note"), await feed.Next("the status change") };
        Assert.Equal(["declared", "noted", "mitigating"], changes.Select(c => c.Change));
        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Incident.Version));
        Assert.Equal("<script>alert(1)</script>", changes[1].Incident.Timeline[^1].Note);
    }

    [Fact]
    public async Task ResolvedIncidentsAreListedOnlyWhenAskedFor()
    {
        await using var silo = await GrainTestSilo.StartAsync();
        var open = await DeclareOne(silo, "r-open");
        var closed = await DeclareOne(silo, "r-closed");
        await Desk(silo).SetStatus(closed, IncidentStatus.Resolved, "cmd", null);

        Assert.Equal([open], (await Desk(silo).List(includeResolved: false)).Select(i => i.Id));
        Assert.Equal(2, (await Desk(silo).List(includeResolved: true)).Count);
    }

    [Fact]
    public async Task IncidentsAndTheirNumberingSurviveARestart()
    {
        var silo = await GrainTestSilo.StartAsync();
        var first = await DeclareOne(silo, "r-persist-1");

        silo = await silo.RestartAsync();
        await using var _ = silo;
        var second = await DeclareOne(silo, "r-persist-2");

        Assert.Equal(("INC-000001", "INC-000002"), (first, second));
        Assert.NotNull(await Desk(silo).Get(first));
    }

    private static IIncidentDeskGrain Desk(GrainTestSilo silo) => silo.Grain<IIncidentDeskGrain>("global");

    private static async Task<string> DeclareOne(GrainTestSilo silo, string room = "r-inc")
    {
        var alert = await RaiseAlert(silo, room, Region.MENA);
        return (await Desk(silo).Declare(new IncidentDeclaration("Raid on " + room, Severity.P1, "cmd-omar", [alert.Id]), "op-lina")).Id;
    }

    private static async Task<AlertSnapshot> RaiseAlert(GrainTestSilo silo, string room, Region region)
    {
        await silo.Grain<ILiveRoomGrain>(room).Apply([Events.Score(room, Category.SelfHarm, 0.96, Start, region)]);
        return (await silo.Grain<IAlertCenterGrain>(region.ToString()).List(AlertStatus.Open, null)).Single(a => a.RoomId == room);
    }
}
