using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Live;

/// <summary>Registers and maps the live push: the feed subscription, the sequencer and the <c>/hubs/live</c> hub.</summary>
public static class LivePushServiceExtensions
{
    public static WebApplicationBuilder AddLivePush(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<LiveMetrics>();
        builder.Services.AddSingleton<LiveSequencer>();
        builder.Services.AddSingleton<LiveSync>();
        builder.Services.AddSingleton<LiveActions>();
        builder.Services.AddHostedService<LiveFeedSubscriber>();
        builder.Services.AddSignalR().AddJsonProtocol(o => LiveJson.Configure(o.PayloadSerializerOptions));
        return builder;
    }

    public static WebApplication MapLivePush(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
