using Vigil.Runtime.Invocation;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>A call sink that keeps every request a proxy sends, for the test to inspect and invoke by hand.</summary>
internal sealed class CapturingGrainCallSink : IGrainCallSink
{
    private readonly List<GrainRequest> _requests = [];

    public IReadOnlyList<GrainRequest> Requests => _requests;

    public GrainRequest Single() => Assert.Single(_requests);

    public void Send(GrainReference target, GrainRequest request) => _requests.Add(request);
}
