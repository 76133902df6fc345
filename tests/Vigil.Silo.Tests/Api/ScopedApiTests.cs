using System.Net;
using System.Text.Json.Nodes;
using static Vigil.Silo.Tests.Api.ScopedApiSilo;

namespace Vigil.Silo.Tests.Api;

public sealed class ScopedApiTests(ScopedApiSilo silo) : IClassFixture<ScopedApiSilo>
{
    [Fact]
    public async Task AnOperatorOfOneRegionListsOnlyThatRegionsAlerts()
    {
        var (status, json, _) = await silo.Send(HttpMethod.Get, "/api/alerts", MenaOperator);

        Assert.Equal(HttpStatusCode.OK, status);
        var regions = json!.AsArray().Select(a => (string)a!["region"]!).Distinct().ToArray();
        Assert.Equal(["MENA"], regions);
        Assert.Contains(json.AsArray(), a => (string?)a!["id"] == silo.MenaAlertId);
    }

    [Fact]
    public async Task AnOperatorOfAllRegionsListsEveryRegionsAlerts()
    {
        var (_, json, _) = await silo.Send(HttpMethod.Get, "/api/alerts", AllOperator);

        var ids = json!.AsArray().Select(a => (string?)a!["id"]).ToArray();
        Assert.Contains(silo.MenaAlertId, ids);
        Assert.Contains(silo.NaAlertId, ids);
    }

    [Theory]
    [InlineData("GET", "/api/alerts?region=NA")]
    [InlineData("GET", "/api/rooms/" + NaRoom)]
    [InlineData("GET", "/api/rooms/" + NaRoom + "/history")]
    [InlineData("GET", "/api/heat?region=NA")]
    [InlineData("GET", "/api/alerts/{na}/audit")]
    [InlineData("POST", "/api/alerts/{na}/acknowledge")]
    public async Task AnOperatorReachingIntoAnotherRegionIsForbidden(string method, string path)
    {
        var (status, _, body) = await silo.Send(new HttpMethod(method), path.Replace("{na}", silo.NaAlertId, StringComparison.Ordinal), MenaOperator, method == "POST" ? new { note = "mine now" } : null);

        Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path} answered {status}: {body}");
    }

    [Fact]
    public async Task AnOperatorSeesTheirOwnRegionsRoomAndHeat()
    {
        var room = await silo.Send(HttpMethod.Get, "/api/rooms/" + MenaRoom, MenaOperator);
        var heat = await silo.Send(HttpMethod.Get, "/api/heat", MenaOperator);

        Assert.Equal(HttpStatusCode.OK, room.Status);
        Assert.Equal(HttpStatusCode.OK, heat.Status);
        Assert.DoesNotContain(heat.Json!.AsArray(), e => (string?)e!["roomId"] == NaRoom);
    }

    [Fact]
    public async Task TheRoomHistoryHasPointsWithRiskByCategoryName()
    {
        var (status, json, body) = await silo.Send(HttpMethod.Get, $"/api/rooms/{MenaRoom}/history", MenaOperator);

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(MenaRoom, (string?)json!["roomId"]);
        var point = json["points"]!.AsArray()[^1]!;
        Assert.Equal(2, (int)point["viewers"]!);
        Assert.InRange((double)point["risks"]!["self_harm"]!, 0.5, 1);
        Assert.NotNull(point["at"]);
    }

    [Fact]
    public async Task AnAlertTileCarriesViewersTheTitleAsPlainDataAndATrend()
    {
        var (_, json, _) = await silo.Send(HttpMethod.Get, "/api/alerts?region=MENA", MenaOperator);

        var alert = json!.AsArray().Single(a => (string?)a!["id"] == silo.MenaAlertId)!;
        Assert.Equal(2, (int)alert["viewers"]!);
        Assert.Equal(RoomTitle, (string?)alert["title"]);
        Assert.InRange((double)alert["trend"]!.AsArray().Single()!, 0, 1);
    }

    [Fact]
    public async Task AnOperatorDeclaresAnIncidentFromTheirRegionsAlertAndTheCommanderResolvesIt()
    {
        var declared = await silo.Send(HttpMethod.Post, "/api/incidents", MenaOperator, Declaration(silo.MenaAlertId));
        Assert.True(declared.Status == HttpStatusCode.Created, declared.Body);
        var id = (string)declared.Json!["id"]!;
        Assert.Equal(["r-api-mena"], declared.Json["roomIds"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("declared", (string?)declared.Json["status"]);

        var noted = await silo.Send(HttpMethod.Post, $"/api/incidents/{id}/notes", MenaOperator, new { text = "ending streams" });
        var mitigating = await silo.Send(HttpMethod.Post, $"/api/incidents/{id}/status", Commander, new { status = "mitigating", note = "on it" });
        var resolved = await silo.Send(HttpMethod.Post, $"/api/incidents/{id}/status", Commander, new { status = "resolved" });
        var again = await silo.Send(HttpMethod.Post, $"/api/incidents/{id}/status", Commander, new { status = "mitigating" });

        Assert.Equal(HttpStatusCode.OK, noted.Status);
        Assert.Equal(HttpStatusCode.OK, mitigating.Status);
        Assert.Equal("resolved", (string?)resolved.Json!["status"]);
        Assert.Equal(["ops-mena", "ops-mena", "cmd-omar", "cmd-omar"], resolved.Json["timeline"]!.AsArray().Select(e => (string)e!["actor"]!));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var open = await silo.Send(HttpMethod.Get, "/api/incidents", MenaOperator);
        var all = await silo.Send(HttpMethod.Get, "/api/incidents?includeResolved=true", MenaOperator);
        Assert.DoesNotContain(open.Json!.AsArray(), i => (string?)i!["id"] == id);
        Assert.Contains(all.Json!.AsArray(), i => (string?)i!["id"] == id);
    }

    [Fact]
    public async Task IncidentsAreScopedToTheCallersRegions()
    {
        var forbidden = await silo.Send(HttpMethod.Post, "/api/incidents", MenaOperator, Declaration(silo.NaAlertId));
        var declared = await silo.Send(HttpMethod.Post, "/api/incidents", MenaOperator, Declaration(silo.MenaAlertId));
        var id = (string)declared.Json!["id"]!;

        var naList = await silo.Send(HttpMethod.Get, "/api/incidents", NaQa);
        var naRead = await silo.Send(HttpMethod.Get, $"/api/incidents/{id}", NaQa);
        var menaRead = await silo.Send(HttpMethod.Get, $"/api/incidents/{id}", MenaOperator);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.DoesNotContain(naList.Json!.AsArray(), i => (string?)i!["id"] == id);
        Assert.Equal(HttpStatusCode.Forbidden, naRead.Status);
        Assert.Equal(HttpStatusCode.OK, menaRead.Status);
    }

    [Theory]
    [InlineData(MenaOperator, "status", HttpStatusCode.Forbidden)]
    [InlineData(NaQa, "notes", HttpStatusCode.Forbidden)]
    [InlineData(Advisor, "notes", HttpStatusCode.Forbidden)]
    [InlineData(Admin, "status", HttpStatusCode.OK)]
    public async Task IncidentActionsCheckTheCallersRole(string token, string action, HttpStatusCode expected)
    {
        var declared = await silo.Send(HttpMethod.Post, "/api/incidents", Commander, Declaration(silo.NaAlertId));
        var id = (string)declared.Json!["id"]!;

        object body = action == "status" ? new { status = "mitigating" } : new { text = "hello" };
        var (status, _, text) = await silo.Send(HttpMethod.Post, $"/api/incidents/{id}/{action}", token, body);

        Assert.True(status == expected, $"{action} answered {status}: {text}");
    }

    [Theory]
    [InlineData("", "P1", "title")]
    [InlineData("Raid", "P9", "severity")]
    [InlineData("Raid", null, "severity")]
    [InlineData("Raid", "P1", "commander")]
    [InlineData("Raid", "P1", "alertIds")]
    public async Task ABadDeclarationIsRefusedNamingTheField(string title, string? severity, string field)
    {
        var alertIds = field == "alertIds" ? ["MENA-999999"] : new[] { silo.MenaAlertId };
        var commander = field == "commander" ? "" : "cmd-omar";

        var (status, _, body) = await silo.Send(HttpMethod.Post, "/api/incidents", MenaOperator, new { title, severity, commander, alertIds });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field + ":", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/incidents?includeResolved=maybe", "includeResolved")]
    [InlineData("/api/incidents/INC-000001/status", "status")]
    public async Task ABadIncidentRequestIsRefusedNamingTheField(string path, string field)
    {
        await silo.Send(HttpMethod.Post, "/api/incidents", Commander, Declaration(silo.MenaAlertId));
        var method = path.EndsWith("/status", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;

        var (status, _, body) = await silo.Send(method, path, Commander, method == HttpMethod.Post ? new { status = "fixed" } : null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field + ":", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/vips/vip-amal", HttpStatusCode.OK)]
    [InlineData("/api/vips/vip-amal/history", HttpStatusCode.OK)]
    [InlineData("/api/advisors/amal/portfolio", HttpStatusCode.OK)]
    [InlineData("/api/advisors/amal/nudges", HttpStatusCode.OK)]
    [InlineData("/api/vips/vip-other", HttpStatusCode.Forbidden)]
    [InlineData("/api/vips/vip-other/history", HttpStatusCode.Forbidden)]
    [InlineData("/api/advisors/someone-else/portfolio", HttpStatusCode.Forbidden)]
    [InlineData("/api/advisors/someone-else/nudges", HttpStatusCode.Forbidden)]
    public async Task AnAdvisorSeesOnlyTheirOwnVipsByAdvisorId(string path, HttpStatusCode expected)
    {
        var (status, _, body) = await silo.Send(HttpMethod.Get, path, Advisor);

        Assert.True(status == expected, $"{path} answered {status}: {body}");
    }

    [Fact]
    public async Task ThePortfolioListsTheAdvisorsVipProfilesAndAVipHistoryHasDaysAndABaseline()
    {
        var portfolio = await silo.Send(HttpMethod.Get, "/api/advisors/amal/portfolio", Advisor);
        var history = await silo.Send(HttpMethod.Get, "/api/vips/vip-amal/history", Admin);

        Assert.Equal(["vip-amal"], portfolio.Json!.AsArray().Select(p => (string)p!["userId"]!));
        Assert.Equal("vip-amal", (string?)history.Json!["userId"]);
        Assert.NotNull(history.Json["days"] as JsonArray);
        Assert.Equal(0, (double)history.Json["baseline"]!["spendPerDay"]!);
    }

    private static object Declaration(string alertId) => new { title = "Self-harm stream", severity = "P1", commander = "cmd-omar", alertIds = new[] { alertId } };
}
