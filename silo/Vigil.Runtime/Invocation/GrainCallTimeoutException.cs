using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>A request got no response within its timeout; the message names the grain and the method.</summary>
public sealed class GrainCallTimeoutException(GrainId grainId, string method, TimeSpan timeout)
    : TimeoutException($"Request {method} to grain {grainId} timed out after {timeout}.")
{
    public GrainId GrainId { get; } = grainId;

    public string MethodName { get; } = method;
}
