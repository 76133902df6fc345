using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Ingest.Configuration;
using Vigil.Ingest.Diagnostics;
using Vigil.Ingest.Http;
using Vigil.Ingest.Parsing;

namespace Vigil.Ingest;

/// <summary>Maps <c>POST /api/events</c>, the producers' entry point of contract v1.</summary>
public static class IngestEndpoints
{
    public const string Route = "/api/events";

    /// <summary>
    /// Maps the endpoint. It checks <c>X-Api-Key</c> itself, so it is marked anonymous for any sign-in policy the
    /// host adds for operators.
    /// </summary>
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<IngestOptions>>().Value;
        if (options.ApiKeys is not { Length: > 0 })
        {
            IngestLog.NoApiKeys(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestEndpoints).FullName!), Route);
        }

        endpoints.MapPost(Route, (HttpContext context, IngestRequestHandler handler) => handler.HandleAsync(context))
            .AllowAnonymous()
            .WithName("IngestEvents")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    /// <summary>The two media types, for clients and tests.</summary>
    public static string MediaType(ContentKind kind) =>
        kind == ContentKind.NdJson ? IngestRequestHandler.NdJsonMediaType : IngestRequestHandler.JsonMediaType;
}
