namespace Vigil.Simulator.Generation;

/// <summary>One generated event: its contract <c>type</c>, its <c>ts</c>, and the UTF-8 JSON object (no newline).</summary>
public readonly record struct GeneratedEvent(string Type, DateTimeOffset Timestamp, byte[] Json);
