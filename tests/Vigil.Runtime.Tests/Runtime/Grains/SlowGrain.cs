using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime.Grains;

public sealed class SlowGrain : Grain, ISlowGrain
{
    /// <summary>The last exception thrown, so a test can check the caller saw the very same object.</summary>
    public static Exception? LastThrown { get; private set; }

    private readonly TaskCompletionSource _never = new();

    public Task Hang() => _never.Task;

    public Task HangBriefly() => _never.Task;

    public async Task Fail(string message)
    {
        await Task.Yield();
        var exception = new GrainLogicException(message);
        LastThrown = exception;
        throw exception;
    }

    public ValueTask<int> FailSynchronously() => throw new ArgumentOutOfRangeException("amount", "thrown before any await");
}
