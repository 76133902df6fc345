namespace Vigil.Grains.Policy;

/// <summary>How the room state machine avoids flapping around a threshold.</summary>
public sealed record StateMachinePolicy
{
    /// <summary>
    /// A room leaves a state only when risk falls this far below the threshold that put it there
    /// (0.05: an alert at 0.70 holds until risk drops under 0.65).
    /// </summary>
    public required double Hysteresis { get; init; }
}
