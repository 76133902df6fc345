namespace Vigil.Ingest.Parsing;

/// <summary>Wire names of <see cref="EventField"/>, matched on the UTF-8 property name without decoding it.</summary>
internal static class EventFieldNames
{
    public const int Count = (int)EventField.Severity + 1;

    private static readonly string[] Names =
    [
        "id", "type", "ts", "region", "roomId", "broadcasterId", "userId", "title", "lang", "reason", "text", "giftId",
        "value", "category", "note", "score", "source", "model", "decisionId", "moderatorId", "action", "stage",
        "minutes", "ticketId", "topic", "severity",
    ];

    public static string Name(EventField field) => Names[(int)field];

    /// <summary>Matches an unescaped property name; names are case-sensitive, as in the contract.</summary>
    public static EventField Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? EventField.Id : name.SequenceEqual("ts"u8) ? EventField.Ts : EventField.None,
        4 => name.SequenceEqual("type"u8) ? EventField.Type
            : name.SequenceEqual("text"u8) ? EventField.Text
            : name.SequenceEqual("lang"u8) ? EventField.Lang
            : name.SequenceEqual("note"u8) ? EventField.Note
            : EventField.None,
        5 => name.SequenceEqual("score"u8) ? EventField.Score
            : name.SequenceEqual("value"u8) ? EventField.Value
            : name.SequenceEqual("title"u8) ? EventField.Title
            : name.SequenceEqual("model"u8) ? EventField.Model
            : name.SequenceEqual("stage"u8) ? EventField.Stage
            : name.SequenceEqual("topic"u8) ? EventField.Topic
            : EventField.None,
        6 => name.SequenceEqual("roomId"u8) ? EventField.RoomId
            : name.SequenceEqual("userId"u8) ? EventField.UserId
            : name.SequenceEqual("region"u8) ? EventField.Region
            : name.SequenceEqual("giftId"u8) ? EventField.GiftId
            : name.SequenceEqual("reason"u8) ? EventField.Reason
            : name.SequenceEqual("source"u8) ? EventField.Source
            : name.SequenceEqual("action"u8) ? EventField.Action
            : EventField.None,
        7 => name.SequenceEqual("minutes"u8) ? EventField.Minutes : EventField.None,
        8 => name.SequenceEqual("category"u8) ? EventField.Category
            : name.SequenceEqual("severity"u8) ? EventField.Severity
            : name.SequenceEqual("ticketId"u8) ? EventField.TicketId
            : EventField.None,
        10 => name.SequenceEqual("decisionId"u8) ? EventField.DecisionId : EventField.None,
        11 => name.SequenceEqual("moderatorId"u8) ? EventField.ModeratorId : EventField.None,
        13 => name.SequenceEqual("broadcasterId"u8) ? EventField.BroadcasterId : EventField.None,
        _ => EventField.None,
    };

    /// <summary>
    /// Matches a property name written with escapes (<c>"\u0069d"</c>): unescaped once into a small stack buffer. A
    /// name too long to be a known one even fully escaped (6 bytes a character) is unknown without decoding it.
    /// </summary>
    public static EventField MatchEscaped(ref System.Text.Json.Utf8JsonReader reader)
    {
        const int longestKnownName = 13;
        if (reader.ValueSpan.Length > longestKnownName * 6)
        {
            return EventField.None;
        }

        Span<byte> name = stackalloc byte[longestKnownName * 6];
        try
        {
            return Match(name[..reader.CopyString(name)]);
        }
        catch (InvalidOperationException)
        {
            // An unpaired surrogate escape: not one of our names.
            return EventField.None;
        }
    }
}
