namespace Vigil.Runtime.Grains;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    IdleTimeout,
    RequestedByGrain,
    SiloShutdown,
}
