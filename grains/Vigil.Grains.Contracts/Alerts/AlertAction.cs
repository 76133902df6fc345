namespace Vigil.Grains.Contracts.Alerts;

/// <summary>What an operator does to an alert.</summary>
public enum AlertAction
{
    Acknowledge,
    Assign,
    Escalate,
    Resolve,
}
