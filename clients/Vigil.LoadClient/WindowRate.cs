namespace Vigil.LoadClient;

/// <summary>Events the silo accepted in one timed window (answers received inside it) and the rate they make.</summary>
public sealed record WindowRate(double Seconds, long Accepted, long Requests, double EventsPerSecond);
