using Vigil.Simulator.Recording;

namespace Vigil.Simulator.Cli;

/// <summary>A parsed command line: which command and everything it needs.</summary>
internal sealed class CliCommand
{
    public const string Send = "send";
    public const string Record = "record";
    public const string Replay = "replay";
    public const string Help = "help";

    public required string Name { get; init; }

    public SimulatorOptions Simulator { get; } = new();

    public ReplayOptions Playback { get; } = new();

    public Uri Url { get; set; } = new("http://localhost:5080");

    public string? ApiKey { get; set; }

    public int MaxRetries { get; set; } = 8;

    public string? OutPath { get; set; }

    public string? InPath { get; set; }
}
