namespace Vigil.Dashboard.Live;

/// <summary>The wire names of what a <see cref="LiveItem"/> is about.</summary>
public static class LiveKind
{
    public const string Alert = "alert";
    public const string Heat = "heat";
    public const string Nudge = "nudge";
    public const string Incident = "incident";
}
