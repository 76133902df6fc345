namespace Vigil.Ingest;

/// <summary>The outcome of one batch: the contract's response when it was used, otherwise why not, in words.</summary>
public sealed record IngestResult(IngestOutcome Outcome, IngestResponse? Response, string? Problem);
