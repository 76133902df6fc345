using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>
/// The code Vigil.Runtime.CodeGenerator generates for the sample interfaces, exercised through a capturing sink:
/// proxies turn calls into requests, and requests invoked on an implementation complete the caller's task.
/// </summary>
public sealed class GeneratedProxyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly CapturingGrainCallSink _sink = new();
    private readonly SampleGrainStub _grain = new();

    [Fact]
    public void RegistryCreatesTheGeneratedProxyForAGrainInterface()
    {
        var grainId = new GrainId("counter", "c-1");

        var counter = GrainInterfaceRegistry.CreateProxy<ICounterGrain>(_sink, grainId);

        var reference = Assert.IsAssignableFrom<GrainReference>(counter);
        Assert.Equal(grainId, reference.GrainId);
        Assert.True(GrainInterfaceRegistry.IsRegistered(typeof(ICounterGrain)));
        Assert.True(GrainInterfaceRegistry.IsRegistered(typeof(IResettableGrain)));
    }

    [Fact]
    public void CallingAProxyMethodSendsOneRequestWithItsDescriptorAndArguments()
    {
        var counter = Proxy<ICounterGrain>();

        _ = counter.Increment(5);

        var request = _sink.Single();
        Assert.Same(typeof(ICounterGrain), request.Method.InterfaceType);
        Assert.Equal("Increment", request.Method.MethodName);
        Assert.Equal(GrainMethodOptions.None, request.Method.Options);
        Assert.Null(request.Method.ResponseTimeout);
        Assert.Equal([typeof(int)], request.Method.ParameterTypes);
        Assert.Equal([5], request.GetArguments());
        Assert.False(request.IsCompleted);
    }

    [Fact]
    public void ReadOnlyAndResponseTimeoutAttributesAreInTheDescriptor()
    {
        var counter = Proxy<ICounterGrain>();

        _ = counter.Describe(null);

        var method = _sink.Single().Method;
        Assert.Equal(GrainMethodOptions.ReadOnly, method.Options);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), method.ResponseTimeout);
        Assert.Equal([typeof(string)], method.ParameterTypes);
    }

    [Fact]
    public void OneWayAndAlwaysInterleaveAttributesAreInTheDescriptor()
    {
        var notifications = Proxy<INotificationGrain>();

        _ = notifications.Ping();
        _ = notifications.Acknowledge("n-1");

        Assert.Equal(GrainMethodOptions.OneWay, _sink.Requests[0].Method.Options);
        Assert.Equal(GrainMethodOptions.AlwaysInterleave, _sink.Requests[1].Method.Options);
    }

    [Fact]
    public void OneWayCallCompletesForTheCallerBeforeTheGrainRunsIt()
    {
        var notifications = Proxy<INotificationGrain>();

        var notify = notifications.Notify(new SampleMessage("hello"));
        var ping = notifications.Ping();

        Assert.True(notify.IsCompletedSuccessfully);
        Assert.True(ping.IsCompletedSuccessfully);
        Assert.Equal(2, _sink.Requests.Count);
        Assert.Empty(_grain.Calls);
    }

    [Fact]
    public async Task InvokedRequestPassesTheCallersArgumentInstancesToTheGrain()
    {
        var board = Proxy<IMessageBoardGrain>();
        var message = new SampleMessage("hello");
        var postedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var posting = board.Post(message, null, 3, postedAt);
        _sink.Single().Invoke(_grain);
        var receipt = await posting.WaitAsync(Timeout);

        Assert.Equal(["Post"], _grain.Calls);
        Assert.Same(message, _grain.Arguments[0]);
        Assert.Equal([message, null, 3, postedAt], _grain.Arguments);
        Assert.Same(_grain.Receipt, receipt);
    }

    [Fact]
    public async Task ValueTaskOfResultCompletesWithTheGrainsResult()
    {
        var counter = Proxy<ICounterGrain>();
        _grain.Count = 10;

        var increment = counter.Increment(5);
        var finishedSynchronously = _sink.Single().Invoke(_grain);

        Assert.True(finishedSynchronously);
        Assert.Equal(15, await increment);
    }

    [Fact]
    public async Task TaskOfResultCompletesWithTheGrainsResultWhenTheGrainFinishesLater()
    {
        var counter = Proxy<ICounterGrain>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _grain.Count = 7;
        _grain.Gate = gate.Task;

        var count = counter.GetCount();
        var finishedSynchronously = _sink.Single().Invoke(_grain);
        var completedBeforeGate = count.IsCompleted;
        gate.SetResult();

        Assert.False(finishedSynchronously);
        Assert.False(completedBeforeGate);
        Assert.Equal(7, await count.WaitAsync(Timeout));
    }

    [Fact]
    public async Task VoidShapesCompleteWhenTheGrainMethodCompletes()
    {
        var counter = Proxy<ICounterGrain>();
        var notifications = Proxy<INotificationGrain>();
        _grain.Count = 3;

        var reset = counter.Reset();
        var acknowledge = notifications.Acknowledge("n-1");
        foreach (var request in _sink.Requests)
        {
            request.Invoke(_grain);
        }

        await reset.WaitAsync(Timeout);
        await acknowledge.AsTask().WaitAsync(Timeout);
        Assert.Equal(["Reset", "Acknowledge"], _grain.Calls);
        Assert.Equal(0, _grain.Count);
    }

    [Fact]
    public async Task NullableStringArgumentAndResultRoundTrip()
    {
        var counter = Proxy<ICounterGrain>();
        _grain.Count = 4;

        var withPrefix = counter.Describe("count=");
        var withoutPrefix = counter.Describe(null);
        _sink.Requests[0].Invoke(_grain);
        _sink.Requests[1].Invoke(_grain);

        Assert.Equal("count=4", await withPrefix);
        Assert.Null(await withoutPrefix);
    }

    [Fact]
    public async Task ExceptionFromAnAsyncGrainMethodReachesTheCallerUnchanged()
    {
        var counter = Proxy<ICounterGrain>();
        var failure = new InvalidOperationException("counter is sealed");
        _grain.Failure = failure;

        var increment = counter.Increment(1);
        var reset = counter.Reset();
        _sink.Requests[0].Invoke(_grain);
        _sink.Requests[1].Invoke(_grain);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(async () => await increment));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => reset));
    }

    [Fact]
    public async Task ExceptionThrownBeforeTheGrainMethodReturnsATaskReachesTheCallerUnchanged()
    {
        var board = Proxy<IMessageBoardGrain>();
        var failure = new ArgumentException("message is empty");
        _grain.SynchronousFailure = failure;

        var posting = board.Post(new SampleMessage(""));
        var finishedSynchronously = _sink.Single().Invoke(_grain);

        Assert.True(finishedSynchronously);
        Assert.Same(failure, await Assert.ThrowsAsync<ArgumentException>(() => posting));
        Assert.Same(failure, _sink.Single().Failure);
    }

    [Fact]
    public void InheritedMethodIsAddressedToTheDerivedInterface()
    {
        var counter = Proxy<ICounterGrain>();
        var resettable = Proxy<IResettableGrain>();

        _ = counter.Reset();
        _ = resettable.Reset();

        Assert.Same(typeof(ICounterGrain), _sink.Requests[0].Method.InterfaceType);
        Assert.Same(typeof(IResettableGrain), _sink.Requests[1].Method.InterfaceType);
        Assert.All(_sink.Requests, request => Assert.Equal("Reset", request.Method.MethodName));
    }

    [Fact]
    public void OverloadsGetDistinctDescriptorNamesFirstDeclaredKeepsThePlainName()
    {
        var board = Proxy<IMessageBoardGrain>();

        _ = board.Post(new SampleMessage("a"), "ann", 1, DateTimeOffset.UnixEpoch);
        _ = board.Post(new SampleMessage("b"));

        Assert.Equal("Post", _sink.Requests[0].Method.MethodName);
        Assert.Equal("Post(SampleMessage)", _sink.Requests[1].Method.MethodName);
        Assert.Equal([typeof(SampleMessage), typeof(string), typeof(int), typeof(DateTimeOffset)], _sink.Requests[0].Method.ParameterTypes);
        Assert.Equal([typeof(SampleMessage)], _sink.Requests[1].Method.ParameterTypes);
    }

    [Fact]
    public async Task RegistryRebuildsAnEquivalentRequestFromInterfaceMethodAndArguments()
    {
        var board = Proxy<IMessageBoardGrain>();
        var message = new SampleMessage("hello");
        _ = board.Post(message, "ann", 2, DateTimeOffset.UnixEpoch);
        var sent = _sink.Single();

        var rebuilt = GrainInterfaceRegistry.CreateRequest(sent.Method.InterfaceName, sent.Method.MethodName, sent.GetArguments());
        rebuilt.Invoke(_grain);

        Assert.NotSame(sent, rebuilt);
        Assert.Same(sent.Method, rebuilt.Method);
        Assert.Equal(sent.GetArguments(), rebuilt.GetArguments());
        Assert.Same(message, _grain.Arguments[0]);
        var typed = Assert.IsAssignableFrom<GrainRequest<SampleReceipt>>(rebuilt);
        Assert.Same(_grain.Receipt, await typed.AsValueTask());
    }

    [Fact]
    public void RegistryRebuildsRequestsOfMethodsWithoutParametersAndWithNullArguments()
    {
        var interfaceName = typeof(ICounterGrain).FullName!;

        var getCount = GrainInterfaceRegistry.CreateRequest(interfaceName, "GetCount", []);
        var describe = GrainInterfaceRegistry.CreateRequest(interfaceName, "Describe", [null]);

        Assert.Empty(getCount.GetArguments());
        Assert.Equal([null], describe.GetArguments());
        Assert.True(GrainInterfaceRegistry.GetMethod(interfaceName, "GetCount").IsReadOnly);
    }

    private T Proxy<T>() => GrainInterfaceRegistry.CreateProxy<T>(_sink, new GrainId("sample", "s-1"));
}
