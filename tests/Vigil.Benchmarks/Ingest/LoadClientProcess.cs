using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Benchmarks.Infrastructure;
using Vigil.LoadClient;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Runs <c>clients/Vigil.LoadClient</c> from the repository's build output (same configuration as this program) as a
/// child process, echoes its progress and reads the result line it prints last.
/// </summary>
internal static class LoadClientProcess
{
    public static async Task<(LoadResult? Result, int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        LoadResult? result = null;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.StartsWith(LoadResult.Marker, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize(line[LoadResult.Marker.Length..], LoadJsonContext.Default.LoadResult);
            }
            else
            {
                BenchmarkReport.Log("  client: " + line.Trim());
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The load client did not finish within {timeout}. Output:\n{output}");
        }

        return (result, process.ExitCode, output.ToString());
    }

    /// <summary>The arguments for <paramref name="options"/>, in the client's own syntax.</summary>
    public static List<string> Arguments(LoadOptions options)
    {
        var arguments = new List<string>
        {
            "--url", options.Url.ToString(),
            "--api-key", options.ApiKey,
            "--events", Invariant(options.Events),
            "--skip", Invariant(options.Skip),
            "--batch", Invariant(options.MinBatch) + "-" + Invariant(options.MaxBatch),
            "--connections", Invariant(options.Connections),
            "--seed", Invariant(options.Seed),
            "--rooms", Invariant(options.Rooms),
            "--vips", Invariant(options.Vips),
            "--warm-up", Invariant(options.WarmUp.TotalSeconds),
            "--window", Invariant(options.Window.TotalSeconds),
            "--windows", Invariant(options.Windows),
            "--rate", Invariant(options.Rate),
        };
        if (options.Start is { } startAt)
        {
            arguments.AddRange(["--start", startAt.ToString("O", CultureInfo.InvariantCulture)]);
        }

        if (options.ProbeInterval is { } interval)
        {
            arguments.AddRange(["--probe-interval", Invariant(interval.TotalMilliseconds), "--probe-log", options.ProbeLog!]);
        }

        return arguments;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Assembly()
    {
        // tests/Vigil.Benchmarks/bin/<Configuration>/net10.0/ -> clients/Vigil.LoadClient/bin/<Configuration>/net10.0/Vigil.LoadClient.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "clients", "Vigil.LoadClient", "bin", configuration, framework, "Vigil.LoadClient.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The load client is not built; build tests/Vigil.Benchmarks (it references the client) first.", path);
    }
}
