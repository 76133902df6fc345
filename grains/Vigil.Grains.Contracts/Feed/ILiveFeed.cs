namespace Vigil.Grains.Contracts.Feed;

/// <summary>
/// The in-process stream of things people must see. Grains publish; the dashboard subscribes. Each subscriber gets
/// every item published after it subscribed, in publish order (so in order per subject).
/// </summary>
public interface ILiveFeed
{
    void Publish(FeedItem item);

    /// <summary>Reads items until <paramref name="cancellationToken"/> fires; a slow reader loses nothing but lags.</summary>
    IAsyncEnumerable<FeedItem> Subscribe(CancellationToken cancellationToken);
}
