using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>The grain could not be activated (for example its state could not be read); the next call retries.</summary>
public sealed class GrainActivationException(GrainId grainId, Exception innerException)
    : Exception($"Activation of grain {grainId} failed: {innerException.Message}", innerException)
{
    public GrainId GrainId { get; } = grainId;
}
