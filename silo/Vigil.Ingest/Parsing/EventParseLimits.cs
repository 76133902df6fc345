namespace Vigil.Ingest.Parsing;

/// <summary>Limits the parser applies; <see cref="Contract"/> holds contract v1's values.</summary>
public readonly record struct EventParseLimits(int MaxEvents, TimeSpan MaxFutureSkew)
{
    public static EventParseLimits Contract { get; } = new(10_000, TimeSpan.FromMinutes(5));
}
