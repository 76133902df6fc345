using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Testing.Silo;

namespace Vigil.Silo.Tests.Api;

/// <summary>
/// One real silo for the scoped API tests, with a bearer token per kind of caller, an alert raised in MENA and one in
/// NA from posted events, and two VIPs assigned to two advisors. Started once for the test class.
/// </summary>
public sealed class ScopedApiSilo : IAsyncLifetime
{
    public const string AllOperator = "operator-all-token-0001";
    public const string MenaOperator = "operator-mena-token-001";
    public const string Commander = "commander-token-0000001";
    public const string NaQa = "qa-na-token-0000000001";
    public const string Advisor = "advisor-amal-token-0001";
    public const string Admin = "admin-token-00000000001";

    public const string AdvisorId = "amal";
    public const string MenaRoom = "r-api-mena";
    public const string NaRoom = "r-api-na";
    public const string RoomTitle = "<img src=x onerror=alert(1)> عرض";

    private const string ApiKey = "producer-key-0123456789";

    private readonly TemporaryFolder _data = new();
    private SiloProcess? _silo;
    private long _nextEvent;

    public HttpClient Http { get; private set; } = null!;

    public string MenaAlertId { get; private set; } = "";

    public string NaAlertId { get; private set; } = "";

    public static Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string> { ["Vigil__Ingest__ApiKeys__0"] = ApiKey };
        var tokens = new (string Name, string Token, string Role, string? Region, string? AdvisorId)[]
        {
            ("ops-all", AllOperator, "operator", null, null),
            ("ops-mena", MenaOperator, "operator", "MENA", null),
            ("cmd-omar", Commander, "commander", null, null),
            ("qa-na", NaQa, "qa", "NA", null),
            ("advisor-amal", Advisor, "advisor", null, AdvisorId),
            ("admin", Admin, "admin", null, null),
        };
        for (var i = 0; i < tokens.Length; i++)
        {
            var (name, token, role, region, advisorId) = tokens[i];
            settings[$"Vigil__Api__Tokens__{i}__Name"] = name;
            settings[$"Vigil__Api__Tokens__{i}__Token"] = token;
            settings[$"Vigil__Api__Tokens__{i}__Roles__0"] = role;
            if (region is not null)
            {
                settings[$"Vigil__Api__Tokens__{i}__Regions__0"] = region;
            }

            if (advisorId is not null)
            {
                settings[$"Vigil__Api__Tokens__{i}__AdvisorId"] = advisorId;
            }
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        _silo = SiloProcess.Start(_data.Path, Settings());
        await _silo.WaitUntilListening();
        Http = new HttpClient { BaseAddress = _silo.BaseAddress };

        var now = DateTimeOffset.UtcNow.AddSeconds(-30);
        await PostEvents(
            RoomEvents(MenaRoom, "MENA", now),
            RoomEvents(NaRoom, "NA", now));
        var alerts = (await Send(HttpMethod.Get, "/api/alerts?status=open", AllOperator)).Json!.AsArray();
        MenaAlertId = alerts.Single(a => (string?)a!["roomId"] == MenaRoom)!["id"]!.GetValue<string>();
        NaAlertId = alerts.Single(a => (string?)a!["roomId"] == NaRoom)!["id"]!.GetValue<string>();

        await Assign("vip-amal", AdvisorId);
        await Assign("vip-other", "someone-else");
    }

    public async Task<(HttpStatusCode Status, JsonNode? Json, string Body)> Send(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0 ? JsonNode.Parse(text) : null;
        return (response.StatusCode, json, text);
    }

    private async Task Assign(string userId, string advisorId)
    {
        var (status, _, body) = await Send(HttpMethod.Put, $"/api/vips/{userId}", Admin, new { advisorId });
        Assert.True(status == HttpStatusCode.OK, $"Assigning {userId} to {advisorId} answered {status}: {body}");
    }

    private IEnumerable<object> RoomEvents(string room, string region, DateTimeOffset at) =>
    [
        Event("room.started", at, region, new { roomId = room, broadcasterId = "b-" + room, title = RoomTitle, lang = "ar" }),
        Event("viewer.joined", at, region, new { roomId = room, userId = "viewer-a" }),
        Event("viewer.joined", at, region, new { roomId = room, userId = "viewer-b" }),
        Event("moderation.score", at.AddSeconds(1), region, new { roomId = room, broadcasterId = "b-" + room, category = "self_harm", score = 0.96, source = "video" }),
    ];

    private Dictionary<string, object> Event(string type, DateTimeOffset at, string region, object fields)
    {
        var line = JsonSerializer.SerializeToNode(fields)!.AsObject().ToDictionary(p => p.Key, p => (object)p.Value!);
        line["id"] = $"api-test-{Interlocked.Increment(ref _nextEvent)}";
        line["type"] = type;
        line["ts"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        line["region"] = region;
        return line;
    }

    private async Task PostEvents(params IEnumerable<object>[] batches)
    {
        var ndjson = string.Join('\n', batches.SelectMany(b => b).Select(e => JsonSerializer.Serialize(e)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(ndjson, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted && !body.Contains("\"line\"", StringComparison.Ordinal), $"Posting events answered {response.StatusCode}: {body}");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _data.Dispose();
    }
}
