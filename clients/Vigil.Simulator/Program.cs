using Vigil.Simulator.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: stop generating, send what is in hand, print the summary. A second one kills the process.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await SimulatorCommandLine.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, stop.Token);
