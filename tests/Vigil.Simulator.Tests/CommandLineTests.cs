using Vigil.Simulator.Cli;
using Vigil.Simulator.Tests.Support;

namespace Vigil.Simulator.Tests;

public sealed class CommandLineTests
{
    private static readonly DateTimeOffset Now = TestTraffic.Start;

    [Fact]
    public void SendParsesEveryDocumentedOption()
    {
        var (command, error) = Parse("send", "--url", "http://localhost:5080", "--api-key", "KEY", "--rate", "2000", "--seed", "42", "--duration", "60", "--truth", "truth.jsonl");

        Assert.Null(error);
        Assert.Equal(("send", "KEY", 2000.0, 42, TimeSpan.FromSeconds(60), "truth.jsonl"),
            (command!.Name, command.ApiKey, command.Simulator.Rate, command.Simulator.Seed, command.Simulator.Duration, command.Simulator.TruthPath));
        Assert.True(command.Simulator.RealTime);
    }

    [Fact]
    public void RecordWritesOfflineWithoutPacing()
    {
        var (command, error) = Parse("record", "--seed", "42", "--events", "100000", "--out", "traffic.ndjson", "--truth", "truth.jsonl");

        Assert.Null(error);
        Assert.Equal((100_000L, "traffic.ndjson", false, 0.0), (command!.Simulator.MaxEvents, command.OutPath, command.Simulator.RealTime, command.Simulator.Rate));
    }

    [Theory]
    [InlineData("--rate=abc", "'--rate'", "'abc'")]
    [InlineData("--bogus", "'--bogus'", "send")]
    [InlineData("--batch=20000", "'--batch'", "'20000'")]
    [InlineData("--duration=soon", "'--duration'", "'soon'")]
    [InlineData("--compress=0.5", "'--compress'", "'0.5'")]
    public void ABadArgumentIsNamedInTheError(string argument, string named, string alsoNamed)
    {
        var (command, error) = Parse("send", "--api-key", "KEY", argument);

        Assert.Null(command);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains(alsoNamed, error, StringComparison.Ordinal);
    }

    [Fact]
    public void SendWithoutAnApiKeySaysWhereToPutIt()
    {
        var (_, error) = Parse("send");

        Assert.Contains("'--api-key'", error, StringComparison.Ordinal);
        Assert.Contains(CommandLineParser.ApiKeyVariable, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordNeedsAnEndAndAFile()
    {
        Assert.Contains("'--out'", Parse("record", "--events", "10").Error, StringComparison.Ordinal);
        Assert.Contains("'--events' or '--duration'", Parse("record", "--out", "x.ndjson").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("7d", 604800)]
    [InlineData("00:10:00", 600)]
    public void DurationsReadInSecondsOrWithAUnit(string text, double seconds)
    {
        Assert.True(CommandLineParser.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Fact]
    public void AStartCanBeRelativeToNow()
    {
        Assert.True(CommandLineParser.TryParseStart("-7d", Now, out var start));
        Assert.Equal(Now.AddDays(-7), start);
    }

    [Fact]
    public async Task BadArgumentsPrintTheErrorAndTheUsageAndExitWith2()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await SimulatorCommandLine.RunAsync(["replay", "--speed", "3"], output, errors, TimeProvider.System, CancellationToken.None);

        Assert.Equal(SimulatorCommandLine.BadArguments, exit);
        Assert.Contains("Unknown option '--speed' for 'replay'", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordWritesTheEventsAndTheTruthFiles()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-sim-");
        try
        {
            var events = Path.Combine(folder.FullName, "traffic.ndjson");
            var truth = Path.Combine(folder.FullName, "truth.jsonl");

            var exit = await SimulatorCommandLine.RunAsync(
                ["record", "--seed", "42", "--start", "2026-11-22T10:00:00Z", "--rooms", "50", "--duration", "3m", "--out", events, "--truth", truth],
                new StringWriter(), new StringWriter(), TimeProvider.System, CancellationToken.None);

            Assert.Equal(SimulatorCommandLine.Ok, exit);
            Assert.All(File.ReadLines(events), line => Assert.Empty(ContractChecker.Check(System.Text.Encoding.UTF8.GetBytes(line), Now.AddMinutes(3))));
            Assert.Contains(File.ReadLines(truth), line => line.StartsWith("{\"kind\":\"episode\"", StringComparison.Ordinal) && line.Contains("\"severity\":\"P1\"", StringComparison.Ordinal));
            Assert.Contains(File.ReadLines(truth), line => line.StartsWith("{\"kind\":\"vip\"", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (CliCommand? Command, string? Error) Parse(params string[] args) => CommandLineParser.Parse(args, Now, _ => null);
}
