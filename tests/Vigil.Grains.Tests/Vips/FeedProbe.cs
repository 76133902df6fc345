using Vigil.Grains.Contracts.Feed;

namespace Vigil.Grains.Tests.Vips;

/// <summary>
/// Records the <see cref="NudgeChanged"/> items a live feed publishes from the moment it is created, so a test can wait
/// for one (with a timeout that says what was awaited) instead of sleeping.
/// </summary>
public sealed class FeedProbe : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<NudgeChanged> _items = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FeedProbe(ILiveFeed feed)
    {
        // The first MoveNextAsync runs synchronously up to the channel read, so the subscription exists on return.
        _pump = Pump(feed.Subscribe(_stop.Token).GetAsyncEnumerator());
    }

    public IReadOnlyList<NudgeChanged> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public async Task<NudgeChanged> WaitFor(Func<NudgeChanged, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_items.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(arrived, Task.Delay(left)) != arrived)
            {
                throw new TimeoutException($"The live feed did not publish {what} within {Patience.TotalSeconds}s; it published: "
                    + string.Join("; ", Items.Select(i => $"{i.Nudge.Id} {i.Change} ({i.Nudge.Status})")));
            }
        }
    }

    private async Task Pump(IAsyncEnumerator<FeedItem> items)
    {
        try
        {
            while (await items.MoveNextAsync())
            {
                if (items.Current is NudgeChanged changed)
                {
                    lock (_gate)
                    {
                        _items.Add(changed);
                        _arrived.TrySetResult();
                        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the test is done listening.
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
