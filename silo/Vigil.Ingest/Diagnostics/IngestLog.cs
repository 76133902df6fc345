using Microsoft.Extensions.Logging;

namespace Vigil.Ingest.Diagnostics;

/// <summary>
/// Ingest's structured log events. Event contents (chat text, notes, titles) are never logged; a rejection's
/// error quotes at most 40 characters of an enum, time or number value and only lengths of free text.
/// </summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Ingested {Accepted} events ({Duplicates} duplicates, {Rejected} rejected) from {Bytes} bytes in {ElapsedMs:0.0} ms")]
    public static partial void Ingested(ILogger logger, int accepted, int duplicates, int rejected, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Rejected {Rejected} of {Events} events; the first at line {Line}: {Error}")]
    public static partial void Rejected(ILogger logger, int rejected, int events, int line, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Refused an ingest request from {RemoteAddress}: {Reason} X-Api-Key")]
    public static partial void Unauthorized(ILogger logger, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Refused an ingest request with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Delivering {Events} events to the grains failed; their ids are forgotten so a retry is used")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, int events);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "No producer key is configured in Vigil:Ingest:ApiKeys (environment Vigil__Ingest__ApiKeys__0): {Route} refuses every request")]
    public static partial void NoApiKeys(ILogger logger, string route);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Restored {Ids} event ids from {Files} hour files of the de-duplication journal {JournalPath}")]
    public static partial void DedupJournalLoaded(ILogger logger, long ids, int files, string journalPath);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Writing the de-duplication journal {JournalPath} failed; the ids stay queued for the next checkpoint")]
    public static partial void DedupJournalFailed(ILogger logger, Exception exception, string journalPath);
}
