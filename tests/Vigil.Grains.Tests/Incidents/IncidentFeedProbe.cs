using Vigil.Grains.Contracts.Feed;

namespace Vigil.Grains.Tests.Incidents;

/// <summary>
/// Subscribes to a live feed on creation and hands out the <see cref="IncidentChanged"/> items in publish order. Grains
/// publish inside their turn, so an item is already queued when the grain call returns; the timeout only guards a bug.
/// </summary>
public sealed class IncidentFeedProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<FeedItem> _items;
    private Task<bool> _pending;

    public IncidentFeedProbe(ILiveFeed feed)
    {
        _items = feed.Subscribe(_stop.Token).GetAsyncEnumerator();

        // The first MoveNextAsync subscribes synchronously, before any later publish.
        _pending = _items.MoveNextAsync().AsTask();
    }

    public async Task<IncidentChanged> Next(string what)
    {
        while (true)
        {
            if (!await _pending.WaitAsync(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidOperationException($"The live feed ended before {what}.");
            }

            var item = _items.Current;
            _pending = _items.MoveNextAsync().AsTask();
            if (item is IncidentChanged changed)
            {
                return changed;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pending;
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting for an item: the test is done listening.
        }

        await _items.DisposeAsync();
        _stop.Dispose();
    }
}
