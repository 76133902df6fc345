using System.Runtime.CompilerServices;
using Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>
/// A hand-written implementation of the sample grain interfaces: it records the calls and arguments it receives and
/// answers with values (or a failure) the test sets, so tests can invoke generated requests on it directly.
/// </summary>
internal sealed class SampleGrainStub : ICounterGrain, INotificationGrain, IMessageBoardGrain
{
    public List<string> Calls { get; } = [];

    public List<object?> Arguments { get; } = [];

    /// <summary>When set, every method returns a task faulted with this exception, as an async grain method would.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, every method throws this exception before returning a task.</summary>
    public Exception? SynchronousFailure { get; set; }

    /// <summary>When set, every method awaits this task before it answers.</summary>
    public Task? Gate { get; set; }

    public int Count { get; set; }

    public SampleReceipt Receipt { get; set; } = new("m-1", 1);

    public ValueTask<int> Increment(int amount) => new(Answer(() => Count += amount, [amount]));

    public Task<int> GetCount() => Answer(() => Count, []);

    public ValueTask<string?> Describe(string? prefix) => new(Answer(() => prefix is null ? null : prefix + Count, [prefix]));

    public Task Reset() => Answer(() => Count = 0, []);

    public Task Notify(SampleMessage message) => Answer(() => 0, [message]);

    public ValueTask Ping() => new(Answer(() => 0, []));

    public ValueTask Acknowledge(string notificationId) => new(Answer(() => 0, [notificationId]));

    public Task<SampleReceipt> Post(SampleMessage message, string? author, int priority, DateTimeOffset postedAt) =>
        Answer(() => Receipt, [message, author, priority, postedAt]);

    public Task<SampleReceipt> Post(SampleMessage message) => Answer(() => Receipt, [message]);

    private Task<T> Answer<T>(Func<T> result, object?[] arguments, [CallerMemberName] string method = "")
    {
        Calls.Add(method);
        Arguments.AddRange(arguments);
        if (SynchronousFailure is { } failure)
        {
            throw failure;
        }

        return AnswerAsync(result);
    }

    private async Task<T> AnswerAsync<T>(Func<T> result)
    {
        if (Gate is { } gate)
        {
            await gate;
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return result();
    }
}
