using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>An operator script's view of the silo: the read API with an admin bearer token (Vigil:Api:Tokens).</summary>
public sealed class AdminApi(HttpClient http)
{
    public async Task AssignVip(string userId, string advisorId)
    {
        using var response = await http.PutAsJsonAsync($"/api/vips/{Uri.EscapeDataString(userId)}", new { advisorId });
        await EnsureSuccess(response, $"PUT /api/vips/{userId}");
    }

    /// <summary>The open alerts of <paramref name="room"/>'s region and category that belong to that room.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsOf(AlertingRoom room)
    {
        using var response = await http.GetAsync($"/api/alerts?region={room.Region}&category={room.Category}");
        await EnsureSuccess(response, "GET /api/alerts");
        var alerts = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. alerts.EnumerateArray().Where(a => a.GetProperty("roomId").GetString() == room.RoomId)];
    }

    /// <summary>The open churn nudges of <paramref name="advisorId"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> NudgesOf(string advisorId)
    {
        using var response = await http.GetAsync($"/api/advisors/{Uri.EscapeDataString(advisorId)}/nudges");
        await EnsureSuccess(response, $"GET /api/advisors/{advisorId}/nudges");
        var nudges = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. nudges.EnumerateArray()];
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, string call)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{call} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
