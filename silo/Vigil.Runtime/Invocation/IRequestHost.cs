namespace Vigil.Runtime.Invocation;

/// <summary>The activation a request runs on: continuations of the request's turn are posted back to it.</summary>
internal interface IRequestHost
{
    void Post(GrainRequest request, SendOrPostCallback callback, object? state);

    void OnTurnCompleted(GrainRequest request);
}
