using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class OrderingTests
{
    [Fact]
    public async Task OneWayCallsFromOneCallerArriveInTheOrderTheyWereSent()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ISequenceGrain>("fifo-" + Guid.NewGuid());

        for (var i = 0; i < 5_000; i++)
        {
            await grain.Append("solo", i);
        }

        Assert.Equal(Enumerable.Range(0, 5_000), await grain.Received("solo"));
    }

    [Fact]
    public async Task EachOfManyConcurrentCallersSeesItsOwnCallsInOrder()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<ISequenceGrain>("fifo-many-" + Guid.NewGuid());
        var callers = Enumerable.Range(0, 8).Select(c => "caller-" + c).ToArray();

        await Task.WhenAll(callers.Select(caller => Task.Run(async () =>
        {
            // Requests are sent without awaiting each one, so only the runtime's ordering keeps them in sequence.
            var pending = Enumerable.Range(0, 500).Select(i => grain.AppendAndWait(caller, i)).ToArray();
            await Task.WhenAll(pending);
        }))).Within("concurrent callers");

        foreach (var caller in callers)
        {
            Assert.Equal(Enumerable.Range(0, 500), await grain.Received(caller));
        }
    }
}
