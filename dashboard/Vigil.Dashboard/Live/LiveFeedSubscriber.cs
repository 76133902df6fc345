using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Feed;

namespace Vigil.Dashboard.Live;

/// <summary>
/// The live push's one subscription to the in-process feed: every item is numbered and fanned out by the
/// <see cref="LiveSequencer"/>. It subscribes while the host starts, before the hub takes connections.
/// </summary>
public sealed class LiveFeedSubscriber(ILiveFeed feed, LiveSequencer sequencer, ILogger<LiveFeedSubscriber> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Live push subscribed to the feed at sequence {Sequence}", sequencer.Current);
        try
        {
            await foreach (var item in feed.Subscribe(stoppingToken))
            {
                try
                {
                    sequencer.Publish(item);
                }
                catch (Exception exception)
                {
                    // One bad item must not end the dashboard's only subscription.
                    logger.LogError(exception, "Live push could not publish {ItemType} about {SubjectId}", item.GetType().Name, item.SubjectId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Live push unsubscribed from the feed at sequence {Sequence}", sequencer.Current);
        }
    }
}
