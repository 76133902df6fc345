using Microsoft.Extensions.Hosting;

namespace Vigil.Runtime.Hosting;

/// <summary>Starts the grain runtime with the host and, on Ctrl-C or SIGTERM, deactivates grains and flushes state.</summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
