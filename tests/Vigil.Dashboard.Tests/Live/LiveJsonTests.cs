using System.Text.Json;
using Vigil.Dashboard.Live;

namespace Vigil.Dashboard.Tests.Live;

/// <summary>The hub's JSON reads like the REST API's: camelCase, enums by name, no internal members.</summary>
public sealed class LiveJsonTests : IDisposable
{
    private readonly LiveHarness _live = new();

    public void Dispose() => _live.Dispose();

    [Fact]
    public void ABatchIsCamelCaseWithEnumNamesAndOnlyThePresentPayload()
    {
        var options = new JsonSerializerOptions();
        LiveJson.Configure(options);
        var item = _live.Publish(LiveFixtures.AlertChange("MENA-1"));

        var json = JsonSerializer.Serialize(new LiveBatch(1, 2, [item]), options);
        using var document = JsonDocument.Parse(json);
        var wire = document.RootElement.GetProperty("items")[0];

        Assert.Equal(1, document.RootElement.GetProperty("after").GetInt64());
        Assert.Equal("alert", wire.GetProperty("kind").GetString());
        Assert.Equal("raised", wire.GetProperty("change").GetString());
        Assert.Equal("MENA", wire.GetProperty("alert").GetProperty("region").GetString());
        Assert.Equal("P1", wire.GetProperty("alert").GetProperty("severity").GetString());
        Assert.Equal("open", wire.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal("nudity", wire.GetProperty("alert").GetProperty("category").GetString());
        Assert.False(wire.TryGetProperty("nudge", out _));
        Assert.False(wire.TryGetProperty("subjectId", out _));
        Assert.False(wire.TryGetProperty("regions", out _));
    }
}
