using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Api;

public sealed partial class PolicyApiTests
{
    private const string AdminToken = "admin-token-0123456789";
    private const string OperatorToken = "operator-token-0123456789";
    private const string ProducerKey = "producer-key-0123456789";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Vigil__Api__Tokens__0__Name"] = "policy-admin",
        ["Vigil__Api__Tokens__0__Token"] = AdminToken,
        ["Vigil__Api__Tokens__0__Roles__0"] = "admin",
        ["Vigil__Api__Tokens__1__Name"] = "ops-script",
        ["Vigil__Api__Tokens__1__Token"] = OperatorToken,
        ["Vigil__Api__Tokens__1__Roles__0"] = "operator",
        ["Vigil__Ingest__ApiKeys__0"] = ProducerKey,
    };

    [Fact]
    public async Task ACandidatePolicyInShadowModeCountsTheAlertsItWouldRaiseWithoutRaisingThem()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Settings);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        var candidate = StricterViolencePolicy(await File.ReadAllTextAsync(Path.Combine(data.Path, "policy.json")));

        using var staged = await Send(http, HttpMethod.Put, "/api/policy/candidate", AdminToken, candidate);
        using var ingested = await PostModerateViolence(http, "room-shadow-1");
        using var report = await Send(http, HttpMethod.Get, "/api/policy/shadow", OperatorToken);
        using var alerts = await Send(http, HttpMethod.Get, "/api/alerts?region=NA", OperatorToken);

        Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, ingested.StatusCode);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var shadow = JsonDocument.Parse(await report.Content.ReadAsStringAsync());
        Assert.Equal(2, shadow.RootElement.GetProperty("candidateVersion").GetInt32());
        Assert.Equal(0, shadow.RootElement.GetProperty("activeAlerts").GetInt32());
        Assert.Equal(1, shadow.RootElement.GetProperty("candidateAlerts").GetInt32());
        Assert.Equal(1, shadow.RootElement.GetProperty("onlyCandidate").GetInt32());
        Assert.Equal("room-shadow-1", shadow.RootElement.GetProperty("examples")[0].GetProperty("roomId").GetString());
        Assert.Equal("[]", (await alerts.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task WithoutACandidateTheShadowReportSaysHowToStartOne()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Settings);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };

        using var report = await Send(http, HttpMethod.Get, "/api/policy/shadow", OperatorToken);

        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Contains("PUT /api/policy/candidate", await report.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnInvalidCandidateIsRejectedNamingTheFieldAndTheActivePolicyStays()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Settings);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        var broken = VersionLine().Replace(await File.ReadAllTextAsync(Path.Combine(data.Path, "policy.json")), "\"version\": 2", 1)
            .Replace("\"alert\": 0.65", "\"alert\": 1.65", StringComparison.Ordinal);

        using var staged = await Send(http, HttpMethod.Put, "/api/policy/candidate", AdminToken, broken);
        using var overview = await Send(http, HttpMethod.Get, "/api/policy", OperatorToken);

        Assert.Equal(HttpStatusCode.BadRequest, staged.StatusCode);
        Assert.Contains("violence", await staged.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await overview.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("active").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("candidate").ValueKind);
    }

    [Fact]
    public async Task OnlyAnAdminMayStageACandidate()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Settings);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        var candidate = StricterViolencePolicy(await File.ReadAllTextAsync(Path.Combine(data.Path, "policy.json")));

        using var staged = await Send(http, HttpMethod.Put, "/api/policy/candidate", OperatorToken, candidate);

        Assert.Equal(HttpStatusCode.Forbidden, staged.StatusCode);
    }

    [Fact]
    public async Task PromotingTheCandidateWritesItToThePolicyFileAndMakesItActive()
    {
        using var data = new TemporaryFolder();
        await using var silo = SiloProcess.Start(data.Path, Settings);
        await silo.WaitUntilListening();
        using var http = new HttpClient { BaseAddress = silo.BaseAddress };
        var policyFile = Path.Combine(data.Path, "policy.json");
        var candidate = StricterViolencePolicy(await File.ReadAllTextAsync(policyFile));

        using var staged = await Send(http, HttpMethod.Put, "/api/policy/candidate", AdminToken, candidate);
        using var promoted = await Send(http, HttpMethod.Post, "/api/policy/candidate/promote", AdminToken);
        using var overview = await Send(http, HttpMethod.Get, "/api/policy", OperatorToken);

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(candidate, await File.ReadAllTextAsync(policyFile));
        using var body = JsonDocument.Parse(await overview.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("active").GetProperty("version").GetInt32());
        Assert.Equal("api:policy-admin", body.RootElement.GetProperty("active").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("candidate").ValueKind);
    }

    /// <summary>The running policy as version 2, with violence alerting at a risk the default only watches.</summary>
    private static string StricterViolencePolicy(string active)
    {
        var candidate = ViolenceLine().Replace(VersionLine().Replace(active, "\"version\": 2", 1), "\"violence\": { \"watch\": 0.20, \"alert\": 0.30, \"escalate\": 0.95, \"minEvidence\": 2 }", 1);
        Assert.NotEqual(active, candidate);
        return candidate;
    }

    /// <summary>Two minutes of video scores at 0.45: above the stricter candidate's alert line, under the default's.</summary>
    private static async Task<HttpResponseMessage> PostModerateViolence(HttpClient http, string room)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-2);
        var body = new StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            var ts = start.AddSeconds(i * 20).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $$"""{"id":"shadow-{{room}}-{{i}}","type":"moderation.score","ts":"{{ts}}","region":"NA","roomId":"{{room}}","broadcasterId":"b-{{room}}","category":"violence","score":0.45,"source":"video"}""").Append('\n');
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Add("X-Api-Key", ProducerKey);

        // 202 comes after the room grain has applied the events (ingest awaits delivery), so the shadow run has seen them.
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    [GeneratedRegex("\"version\":\\s*\\d+")]
    private static partial Regex VersionLine();

    [GeneratedRegex("\"violence\":\\s*\\{[^}]*\\}")]
    private static partial Regex ViolenceLine();
}
