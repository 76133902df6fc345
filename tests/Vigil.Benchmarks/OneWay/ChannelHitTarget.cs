using System.Threading.Channels;
using Vigil.Benchmarks.Grains;

namespace Vigil.Benchmarks.OneWay;

/// <summary>
/// The one-way baseline: a channel per receiver and a reader loop that counts what arrives, handing its thread back
/// every <see cref="TurnBudget"/> messages as an activation does.
/// </summary>
internal sealed class ChannelHitTarget
{
    // Matches GrainActivation.TurnBudget.
    private const int TurnBudget = 64;

    private readonly Channel<int> _inbox = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private Task _consumer = Task.CompletedTask;
    private long _hits;

    public void Start() => _consumer = Task.Run(ConsumeAsync);

    public void Hit(int value) => _inbox.Writer.TryWrite(value);

    public Task StopAsync()
    {
        _inbox.Writer.TryComplete();
        return _consumer;
    }

    private async Task ConsumeAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var budget = TurnBudget;
            while (budget > 0 && reader.TryRead(out _))
            {
                budget--;
                HitTally.Record(ref _hits);
            }

            if (budget == 0)
            {
                await Task.Yield();
            }
        }
    }
}
