namespace Vigil.Benchmarks.Infrastructure;

/// <summary>One timed window: its throughput, bytes allocated per operation (all threads) and collections per generation.</summary>
internal readonly record struct WindowResult(
    long Operations,
    double Seconds,
    double PerSecond,
    double AllocatedBytesPerOperation,
    int Gen0,
    int Gen1,
    int Gen2);
