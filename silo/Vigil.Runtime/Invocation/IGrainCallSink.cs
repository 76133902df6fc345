namespace Vigil.Runtime.Invocation;

/// <summary>
/// Where grain references send their requests. The silo's runtime delivers them in process without serializing;
/// a remote sink would carry them as a <see cref="GrainCallMessage"/>.
/// </summary>
public interface IGrainCallSink
{
    void Send(GrainReference target, GrainRequest request);
}
