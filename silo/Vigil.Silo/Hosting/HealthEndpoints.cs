using Vigil.Grains.Contracts.Health;
using Vigil.Runtime;

namespace Vigil.Silo.Hosting;

/// <summary><c>GET /health</c>: 200 once the silo activates grains and answers calls; no sign-in.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (GrainRuntime runtime, CancellationToken cancellationToken) =>
        {
            var probes = await runtime.GetGrain<IHealthProbeGrain>("silo").Probe().AsTask().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return Results.Ok(new { status = "ok", activations = runtime.ActivationCount, probes });
        }).AllowAnonymous();
        return endpoints;
    }
}
