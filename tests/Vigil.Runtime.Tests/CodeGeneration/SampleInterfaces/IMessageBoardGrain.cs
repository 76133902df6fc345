using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>A message board: a method with several parameters (a record, a nullable string, value types) and an overload.</summary>
public interface IMessageBoardGrain : IResettableGrain
{
    Task<SampleReceipt> Post(SampleMessage message, string? author, int priority, DateTimeOffset postedAt);

    Task<SampleReceipt> Post(SampleMessage message);
}
