using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Testing.Silo;

/// <summary>The real silo host started as a child process on a free loopback port, with its own data folder.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, string dataPath, Uri baseAddress)
    {
        _process = process;
        DataPath = dataPath;
        BaseAddress = baseAddress;
    }

    public string DataPath { get; }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Task<int> Exited => _exited.Task;

    public static SiloProcess Start(string dataPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["Vigil__DataPath"] = dataPath;
        start.Environment["Vigil__Simulator__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, dataPath, baseAddress);
        process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        process.Exited += (_, _) => silo._exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Completes when the silo logs that it listens; fails with the output if it exits first.</summary>
    public async Task WaitUntilListening()
    {
        var first = await Task.WhenAny(_listening.Task, _exited.Task).WaitAsync(TimeSpan.FromSeconds(60));
        if (first == _exited.Task)
        {
            throw new InvalidOperationException($"The silo exited with {await _exited.Task} before listening:\n{Output}");
        }
    }

    public async Task<int> WaitForExit(string awaited)
    {
        try
        {
            var exitCode = await _exited.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // The exit can be seen before the last output lines are read; this waits for the streams to close.
            await _process.WaitForExitAsync();
            return exitCode;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for the silo to exit ({awaited}). Output:\n{Output}");
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl-C would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void KillHard() => _process.Kill();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SiloAssembly()
    {
        // tests/<test project>/bin/<Configuration>/net10.0/ -> silo/Vigil.Silo/bin/<Configuration>/net10.0/Vigil.Silo.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "silo", "Vigil.Silo", "bin", configuration, framework, "Vigil.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The silo host is not built; build Orleans.sln first.", path);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
