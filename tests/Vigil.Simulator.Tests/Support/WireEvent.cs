using System.Globalization;
using System.Text.Json;

namespace Vigil.Simulator.Tests.Support;

/// <summary>The fields of a contract event the tests look at, read from its JSON line.</summary>
public sealed record WireEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset Ts { get; init; }

    public required string Region { get; init; }

    public string? RoomId { get; init; }

    public string? BroadcasterId { get; init; }

    public string? UserId { get; init; }

    public string? Category { get; init; }

    public string? Source { get; init; }

    public double? Score { get; init; }

    public double? Value { get; init; }

    public string? Action { get; init; }

    public string? Stage { get; init; }

    public string? Severity { get; init; }

    public string? Text { get; init; }

    public string? Lang { get; init; }

    public static WireEvent Parse(byte[] line)
    {
        using var document = JsonDocument.Parse(line);
        var e = document.RootElement;
        string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double? N(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new WireEvent
        {
            Id = S("id")!,
            Type = S("type")!,
            Ts = DateTimeOffset.Parse(S("ts")!, CultureInfo.InvariantCulture),
            Region = S("region")!,
            RoomId = S("roomId"),
            BroadcasterId = S("broadcasterId"),
            UserId = S("userId"),
            Category = S("category"),
            Source = S("source"),
            Score = N("score"),
            Value = N("value"),
            Action = S("action"),
            Stage = S("stage"),
            Severity = S("severity"),
            Text = S("text"),
            Lang = S("lang"),
        };
    }
}
