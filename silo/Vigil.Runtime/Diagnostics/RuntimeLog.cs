using Microsoft.Extensions.Logging;

namespace Vigil.Runtime.Diagnostics;

/// <summary>The runtime's structured log events, compiled once by the logging source generator.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Activation of grain {GrainId} failed; {FailedCalls} queued calls failed and the next call retries")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, string grainId, int failedCalls);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Deactivation of grain {GrainId} failed; it stays active and its state stays dirty")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, string grainId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "One-way call {Method} on grain {GrainId} failed")]
    public static partial void OneWayCallFailed(ILogger logger, Exception exception, string method, string grainId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Timer callback of grain {GrainId} failed; the timer keeps running")]
    public static partial void TimerCallbackFailed(ILogger logger, Exception exception, string grainId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "A continuation of grain {GrainId} threw")]
    public static partial void ContinuationFailed(ILogger logger, Exception exception, string grainId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "OnDeactivateAsync of grain {GrainId} threw; its state is written anyway")]
    public static partial void OnDeactivateFailed(ILogger logger, Exception exception, string grainId);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "Asking {Activation} for its write-behind snapshot failed; it was handed to the thread pool")]
    public static partial void SnapshotRequestFailed(ILogger logger, Exception exception, string activation);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Serializing state {StateName} of grain {GrainId} failed; it stays dirty")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, string grainId, string stateName);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Grain runtime started with {GrainClassCount} grain classes: {GrainTypes}")]
    public static partial void Started(ILogger logger, int grainClassCount, string grainTypes);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Grain runtime stopping: deactivating {ActivationCount} activations and flushing dirty state")]
    public static partial void Stopping(ILogger logger, int activationCount);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Grain runtime stopped; {RemainingActivations} activations could not be deactivated")]
    public static partial void Stopped(ILogger logger, int remainingActivations);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Debug, Message = "Collected {Count} idle activations")]
    public static partial void Collected(ILogger logger, int count);
}
