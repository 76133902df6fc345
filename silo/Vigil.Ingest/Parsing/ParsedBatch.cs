using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Parsing;

/// <summary>What <see cref="EventBatchParser"/> made of one request body.</summary>
public sealed class ParsedBatch
{
    private static readonly List<EventRejection> NoRejections = [];

    internal ParsedBatch(ParseOutcome outcome, List<LiveEvent> events, List<EventRejection>? rejections, int itemCount, string? problem)
    {
        Outcome = outcome;
        Events = events;
        Rejections = rejections ?? NoRejections;
        ItemCount = itemCount;
        Problem = problem;
    }

    public ParseOutcome Outcome { get; }

    /// <summary>Valid events in body order (duplicates not yet removed).</summary>
    public IReadOnlyList<LiveEvent> Events { get; }

    /// <summary>Invalid events in body order.</summary>
    public IReadOnlyList<EventRejection> Rejections { get; }

    /// <summary>Events seen: non-blank lines or array elements, valid or not (up to the first one over the limit).</summary>
    public int ItemCount { get; }

    /// <summary>Why the body could not be used, when <see cref="Outcome"/> is not <see cref="ParseOutcome.Parsed"/>.</summary>
    public string? Problem { get; }
}
