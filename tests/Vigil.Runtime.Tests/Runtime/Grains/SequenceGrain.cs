using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly Dictionary<string, List<int>> _received = [];

    public Task Append(string caller, int number)
    {
        Record(caller, number);
        return Task.CompletedTask;
    }

    public async Task AppendAndWait(string caller, int number)
    {
        // Yields so that a later call could overtake this one if the runtime did not keep turns in order.
        await Task.Yield();
        Record(caller, number);
    }

    public Task<IReadOnlyList<int>> Received(string caller) =>
        Task.FromResult<IReadOnlyList<int>>(_received.TryGetValue(caller, out var list) ? list.ToArray() : []);

    private void Record(string caller, int number)
    {
        if (!_received.TryGetValue(caller, out var list))
        {
            _received[caller] = list = [];
        }

        list.Add(number);
    }
}
