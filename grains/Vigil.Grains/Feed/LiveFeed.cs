using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Vigil.Grains.Contracts.Feed;

namespace Vigil.Grains.Feed;

/// <summary>
/// In-process fan-out of <see cref="FeedItem"/>s: one unbounded channel per subscriber, so a slow subscriber never
/// blocks a grain. Publishing reads an immutable array of subscribers (copy-on-write), taking no lock on the hot path;
/// a single publisher's items reach every subscriber in publish order.
/// </summary>
public sealed class LiveFeed : ILiveFeed
{
    private Channel<FeedItem>[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public void Publish(FeedItem item)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Writer.TryWrite(item);
        }
    }

    public async IAsyncEnumerable<FeedItem> Subscribe([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<FeedItem>(new UnboundedChannelOptions { SingleReader = true });
        Update(current => [.. current, channel]);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            Update(current => current.Where(c => c != channel).ToArray());
        }
    }

    private void Update(Func<Channel<FeedItem>[], Channel<FeedItem>[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _subscribers);
            if (Interlocked.CompareExchange(ref _subscribers, change(current), current) == current)
            {
                return;
            }
        }
    }
}
