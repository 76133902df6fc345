namespace Vigil.Simulator.Targets;

/// <summary>A batch could not be delivered and retrying will not help (bad key, too large, retries exhausted).</summary>
public sealed class EventTargetException : Exception
{
    public EventTargetException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
