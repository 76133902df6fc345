using System.Threading.Channels;

namespace Vigil.Benchmarks.Calls;

/// <summary>
/// The request/response baseline: what a hand-written actor would be without a runtime. Callers write a request into
/// this target's channel; one consumer loop answers them in order. Like an activation, the loop hands its thread back
/// after <see cref="TurnBudget"/> messages: otherwise a caller whose continuation runs inline would keep the loop
/// busy forever and starve every other target.
/// </summary>
internal sealed class ChannelPingTarget
{
    // Matches GrainActivation.TurnBudget, so both sides give up the thread equally often.
    private const int TurnBudget = 64;

    private readonly Channel<PingMessage> _inbox = Channel.CreateUnbounded<PingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private Task _consumer = Task.CompletedTask;

    public void Start() => _consumer = Task.Run(ConsumeAsync);

    public ValueTask<int> Ping(PingReply reply, int value)
    {
        var answer = reply.Prepare();
        _inbox.Writer.TryWrite(new PingMessage(reply, value));
        return answer;
    }

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
            while (budget > 0 && reader.TryRead(out var message))
            {
                budget--;
                message.Reply.SetResult(message.Value + 1);
            }

            if (budget == 0)
            {
                await Task.Yield();
            }
        }
    }
}
