using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class MessageCodecTests
{
    [Fact]
    public async Task ACallEncodedAsAMessageAndDecodedIsServedLikeALocalCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "wire-" + Guid.NewGuid();
        var sink = new CapturingSink();
        await silo.Grain<ISequenceGrain>(key).AppendAndWait("remote", 7);
        _ = GrainInterfaceRegistry.CreateProxy<ISequenceGrain>(sink, new GrainId("sequence", key)).Received("remote");

        var bytes = GrainCallMessageCodec.Serialize(sink.Captured!);
        var (target, request) = GrainCallMessageCodec.ToRequest(GrainCallMessageCodec.Deserialize(bytes));
        silo.Runtime.Deliver(target, request);
        var received = await ((GrainRequest<IReadOnlyList<int>>)request).AsValueTask().Within("the decoded call");

        Assert.Equal(new GrainId("sequence", key), target);
        Assert.Equal([7], received);
    }

    [Fact]
    public void AMessageNamesTheGrainTheInterfaceAndTheMethodAndCarriesJsonArguments()
    {
        var sink = new CapturingSink();
        _ = GrainInterfaceRegistry.CreateProxy<ISequenceGrain>(sink, new GrainId("sequence", "s-1")).Append("caller-a", 42);

        var message = GrainCallMessageCodec.ToMessage(sink.Captured!);

        Assert.Equal(("sequence", "s-1"), (message.GrainType, message.GrainKey));
        Assert.Equal(typeof(ISequenceGrain).FullName, message.Interface);
        Assert.Equal(nameof(ISequenceGrain.Append), message.Method);
        Assert.Equal(["\"caller-a\"", "42"], message.Arguments.Select(a => a.GetRawText()));
    }

    private sealed class CapturingSink : IGrainCallSink
    {
        public GrainRequest? Captured { get; private set; }

        public void Send(GrainReference target, GrainRequest request)
        {
            request.Target = target.GrainId;
            Captured = request;
        }
    }
}
