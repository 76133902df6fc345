using System.Globalization;

namespace Vigil.Simulator.Cli;

/// <summary>Prints a run's progress as one line every few seconds (synchronously, so lines never interleave).</summary>
internal sealed class ConsoleProgress : IProgress<SimulatorReport>
{
    private readonly TextWriter output;

    public ConsoleProgress(TextWriter output) => this.output = output;

    public static string Describe(SimulatorReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"{report.EventsSent} events in {report.Batches} batches, {report.EventsPerSecond:F0}/s; accepted {report.Accepted}, duplicates {report.Duplicates}, rejected {report.Rejected}, retries {report.Retries}; sim time {report.LastEventTime:yyyy-MM-dd HH:mm:ss}{(report.Cancelled ? " (stopped)" : "")}");

    public void Report(SimulatorReport value) => Say(Describe(value));

    public void Say(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
