namespace Vigil.Runtime.Grains;

/// <summary>Overrides the default request timeout for one grain method.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(int milliseconds) : Attribute
{
    public int Milliseconds { get; } = milliseconds;
}
