namespace Vigil.Runtime.Invocation;

/// <summary>How the runtime schedules calls of one grain method.</summary>
[Flags]
public enum GrainMethodOptions
{
    None = 0,
    ReadOnly = 1,
    OneWay = 2,
    AlwaysInterleave = 4,
}
