namespace Vigil.Grains.Reasons;

/// <summary>What a churn trend reason is about; each has its own codes because languages word them differently.</summary>
public enum TrendSignal
{
    Spend,
    Sessions,
    TimeInApp,
}
