namespace Vigil.Benchmarks.Calls;

/// <summary>A baseline request: the argument and where to send the answer.</summary>
internal readonly record struct PingMessage(PingReply Reply, int Value);
