using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Grains.Alerts;
using Vigil.Grains.Contracts.Feed;
using Vigil.Grains.Feed;
using Vigil.Grains.Gifters;
using Vigil.Grains.Policy;
using Vigil.Grains.Rooms;
using Vigil.Grains.Shadow;
using Vigil.Grains.Vips;
using Vigil.Runtime.Persistence;

namespace Vigil.Grains;

/// <summary>
/// Registers what the monitoring grains need from the silo: the live feed, the policy, shadow mode and the binary
/// encodings of the states snapshotted most often (rooms and gifter-ledger partitions).
/// </summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddVigilGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton<LiveFeed>();
        services.TryAddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
        services.TryAddSingleton(sp => new PolicyStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ShadowMonitor>();
        services.TryAddSingleton<IStateCodec<LiveRoomState>, LiveRoomStateCodec>();
        services.TryAddSingleton<IStateCodec<GifterLedgerState>, GifterLedgerStateCodec>();
        services.TryAddSingleton<IStateCodec<AlertCenterState>, AlertCenterStateCodec>();
        services.AddOptions<VipOptions>().BindConfiguration(VipOptions.SectionName);
        return services;
    }
}
