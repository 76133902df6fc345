using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Ingest.Parsing;

/// <summary>
/// Reads one event (a line, or an array element) in two steps. <see cref="Scan"/> walks the tokens once with
/// <see cref="Utf8JsonReader"/> and records where each known field's value is; <see cref="Build"/> then validates the
/// fields the event's type uses, in a fixed order (envelope first, then the type's fields in the contract's order),
/// and allocates strings only for values it keeps. The first problem found is the one reported.
/// </summary>
internal ref struct EventItemReader
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 2000;

    private const int EchoLength = 40;
    private const string TsExample = "2026-11-22T10:00:00.125Z";

    /// <summary>"chat.message events need it", per type, so a valid event formats no message.</summary>
    private static readonly string[] NeedItMessages =
        [.. Enum.GetValues<EventType>().Order().Select(t => $"{EventNames.Name(t)} events need it")];

    private readonly ReadOnlySpan<byte> _item;
    private RawFields _fields;
    private EventField _duplicate;
    private string? _error;

    public EventItemReader(ReadOnlySpan<byte> item)
    {
        _item = item;
        _duplicate = EventField.None;
    }

    /// <summary>The first problem <see cref="Build"/> found, as <c>"field: problem"</c>.</summary>
    public readonly string? Error => _error;

    /// <summary>
    /// Records the position of each known field. Throws <see cref="JsonException"/> when the bytes are not one JSON
    /// value; fields seen before the error stay recorded, so the rejection can still name the event's id.
    /// </summary>
    public void Scan()
    {
        var reader = new Utf8JsonReader(_item);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            _error = $"event: must be a JSON object, got {Describe(reader.TokenType)}";
            reader.Skip();
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueIsEscaped ? EventFieldNames.MatchEscaped(ref reader) : EventFieldNames.Match(reader.ValueSpan);
                reader.Read();
                var value = Capture(ref reader);
                if (field == EventField.None)
                {
                    continue;
                }

                // Duplicate keys reject the event: the producer's JSON library and ours could disagree on which
                // one counts (first or last), and a field that means two things must not be guessed at.
                if (_fields[(int)field].Token != JsonTokenType.None)
                {
                    _duplicate = _duplicate == EventField.None ? field : _duplicate;
                }
                else
                {
                    _fields[(int)field] = value;
                }
            }
        }

        // Anything after the object other than whitespace ("{...}{...}", "{...} x") makes the reader throw here.
        while (reader.Read())
        {
        }
    }

    /// <summary>The event's id when it has a valid one, for a rejection; <c>null</c> otherwise.</summary>
    public readonly string? ValidId()
    {
        var raw = _fields[(int)EventField.Id];
        if (raw.Token != JsonTokenType.String)
        {
            return null;
        }

        try
        {
            var id = Decode(raw);
            var length = ScalarCount(id);
            return length is >= 1 and <= MaxIdLength ? id : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Validates the recorded fields against the contract; <c>null</c> with <see cref="Error"/> set when one breaks it.</summary>
    public LiveEvent? Build(DateTimeOffset now, TimeSpan maxFutureSkew, Utf8StringCache cache)
    {
        if (_error is not null)
        {
            return null;
        }

        var id = Text(EventField.Id, 1, MaxIdLength, "every event needs an id of 1-128 characters", cache: null);
        if (_duplicate != EventField.None)
        {
            Fail($"{EventFieldNames.Name(_duplicate)}: appears more than once in the event; send each field once");
        }

        var type = RequiredEnum(EventField.Type, WireEnums.Types, "every event needs a type such as chat.message");
        if (_error is not null)
        {
            return null;
        }

        var timestamp = Timestamp(now, maxFutureSkew);
        var region = RequiredEnum(EventField.Region, WireEnums.Regions, "every event needs a region");
        var why = NeedItMessages[(int)type];
        var roomId = Text(EventField.RoomId, 1, MaxIdLength, NeedsRoom(type) ? why : null, cache);
        var broadcasterId = Text(EventField.BroadcasterId, 1, MaxIdLength, NeedsBroadcaster(type) ? why : null, cache);
        var userId = Text(EventField.UserId, 1, MaxIdLength, NeedsUser(type) ? why : null, cache);

        // The type's own fields, in the contract's order; fields of other types are ignored like unknown ones.
        string? title = null, lang = null, text = null, giftId = null, note = null, model = null;
        string? decisionId = null, moderatorId = null, ticketId = null, topic = null;
        double? value = null, score = null, minutes = null;
        int? surveyScore = null;
        RoomEndReason? endReason = null;
        Category? category = null;
        ScoreSource? source = null;
        ModerationAction? action = null;
        DecisionStage? stage = null;
        SessionAction? sessionAction = null;
        ComplaintSeverity? severity = null;
        switch (type)
        {
            case EventType.RoomStarted:
                title = Text(EventField.Title, 0, int.MaxValue, null, null);
                lang = Lang(cache);
                break;
            case EventType.RoomEnded:
                endReason = OptionalEnum(EventField.Reason, WireEnums.EndReasons);
                break;
            case EventType.ChatMessage:
                text = Text(EventField.Text, 1, MaxTextLength, why, null);
                lang = Lang(cache);
                break;
            case EventType.GiftSent:
                giftId = Text(EventField.GiftId, 1, int.MaxValue, why, cache);
                value = Number(EventField.Value, why, static v => v > 0, "a number greater than 0 (platform coins)");
                break;
            case EventType.ReportFiled:
                category = RequiredEnum(EventField.Category, WireEnums.Categories, why);
                note = Text(EventField.Note, 0, MaxTextLength, null, null);
                break;
            case EventType.ModerationScore:
                category = RequiredEnum(EventField.Category, WireEnums.Categories, why);
                score = Number(EventField.Score, why, static v => v is >= 0 and <= 1, "a number between 0 and 1");
                source = RequiredEnum(EventField.Source, WireEnums.ScoreSources, why);
                model = Text(EventField.Model, 0, int.MaxValue, null, cache);
                break;
            case EventType.ModerationDecision:
                decisionId = Text(EventField.DecisionId, 1, int.MaxValue, why, null);
                moderatorId = Text(EventField.ModeratorId, 1, int.MaxValue, why, cache);
                action = RequiredEnum(EventField.Action, WireEnums.ModerationActions, why);
                category = RequiredEnum(EventField.Category, WireEnums.Categories, why);
                stage = RequiredEnum(EventField.Stage, WireEnums.Stages, why);
                break;
            case EventType.UserSession:
                sessionAction = RequiredEnum(EventField.Action, WireEnums.SessionActions, why);
                minutes = Number(EventField.Minutes, null, static v => v >= 0, "a number of 0 or more");

                // The contract defines minutes on "end" only; on "start" a valid value is ignored rather than stored.
                minutes = sessionAction == SessionAction.End ? minutes : null;
                break;
            case EventType.UserComplaint:
                ticketId = Text(EventField.TicketId, 1, int.MaxValue, why, null);
                topic = Text(EventField.Topic, 1, int.MaxValue, why, cache);
                severity = RequiredEnum(EventField.Severity, WireEnums.Severities, why);
                break;
            case EventType.ComplaintResolved:
                ticketId = Text(EventField.TicketId, 1, int.MaxValue, why, null);
                break;
            case EventType.SatisfactionSurvey:
                surveyScore = (int?)Number(EventField.Score, why, static v => v is >= 1 and <= 5 && v == Math.Floor(v), "a whole number from 1 to 5");
                break;
        }

        if (_error is not null)
        {
            return null;
        }

        // The rarer types' fields go into one details object, made only when the event has one of them.
        var details = title is null && endReason is null && category is null && note is null && score is null && source is null
            && model is null && decisionId is null && moderatorId is null && action is null && stage is null && sessionAction is null
            && minutes is null && ticketId is null && topic is null && severity is null && surveyScore is null
            ? null
            : new EventDetails
            {
                Title = title,
                EndReason = endReason,
                Category = category,
                Note = note,
                Score = score,
                Source = source,
                Model = model,
                DecisionId = decisionId,
                ModeratorId = moderatorId,
                Action = action,
                Stage = stage,
                SessionAction = sessionAction,
                Minutes = minutes,
                TicketId = ticketId,
                Topic = topic,
                Severity = severity,
                SurveyScore = surveyScore,
            };
        return new LiveEvent
        {
            Id = id!,
            Type = type,
            Timestamp = timestamp,
            Region = region,
            RoomId = roomId,
            BroadcasterId = broadcasterId,
            UserId = userId,
            Lang = lang,
            Text = text,
            GiftId = giftId,
            Value = value,
            Details = details,
        };
    }

    private static bool NeedsRoom(EventType type) => type is EventType.RoomStarted or EventType.RoomEnded or EventType.ViewerJoined
        or EventType.ViewerLeft or EventType.ChatMessage or EventType.GiftSent or EventType.Follow or EventType.ReportFiled
        or EventType.ModerationScore;

    private static bool NeedsBroadcaster(EventType type) => type is EventType.RoomStarted or EventType.RoomEnded
        or EventType.GiftSent or EventType.Follow or EventType.ReportFiled or EventType.ModerationScore or EventType.ModerationDecision;

    private static bool NeedsUser(EventType type) => type is EventType.ViewerJoined or EventType.ViewerLeft or EventType.ChatMessage
        or EventType.GiftSent or EventType.Follow or EventType.ReportFiled or EventType.UserSession or EventType.UserComplaint
        or EventType.ComplaintResolved or EventType.SatisfactionSurvey;

    private static RawValue Capture(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new RawValue(JsonTokenType.String, start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return new RawValue(JsonTokenType.Number, start, reader.ValueSpan.Length, escaped: false);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var token = reader.TokenType;
                reader.Skip();
                return new RawValue(token, start, (int)reader.BytesConsumed - start, escaped: false);
            default:
                return new RawValue(reader.TokenType, start, 0, escaped: false);
        }
    }

    private string? Text(EventField field, int min, int max, string? requiredBecause, Utf8StringCache? cache)
    {
        var raw = _fields[(int)field];
        var name = EventFieldNames.Name(field);
        if (_error is not null || raw.IsMissing)
        {
            if (raw.IsMissing && requiredBecause is not null)
            {
                Fail($"{name}: missing; {requiredBecause}");
            }

            return null;
        }

        if (raw.Token != JsonTokenType.String)
        {
            Fail($"{name}: must be a string, got {Describe(raw.Token)}");
            return null;
        }

        string value;
        int length;
        if (!raw.Escaped)
        {
            var utf8 = _item.Slice(raw.Start, raw.Length);
            length = ScalarCount(utf8);
            if (length < min || length > max)
            {
                Fail(LengthProblem(name, min, max, length.ToString(CultureInfo.InvariantCulture)));
                return null;
            }

            value = cache is null ? Encoding.UTF8.GetString(utf8) : cache.Get(utf8);
            return value;
        }

        // An escape sequence is at most 12 bytes per character (a surrogate pair as two \uXXXX), so a longer raw
        // value is too long without decoding it.
        if (max != int.MaxValue && raw.Length > 12L * max)
        {
            Fail(LengthProblem(name, min, max, $"more than {max}"));
            return null;
        }

        try
        {
            value = Decode(raw);
        }
        catch (InvalidOperationException)
        {
            Fail($"{name}: contains a \\u escape that is not valid Unicode (an unpaired surrogate); send valid UTF-8 text");
            return null;
        }

        length = ScalarCount(value);
        if (length < min || length > max)
        {
            Fail(LengthProblem(name, min, max, length.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return value;
    }

    private static string LengthProblem(string name, int min, int max, string actual) => (min, max) switch
    {
        (1, int.MaxValue) => $"{name}: must not be empty",
        (0, _) => $"{name}: must be at most {max} characters, got {actual}",
        _ => $"{name}: must be {min}-{max} characters, got {actual}",
    };

    private T RequiredEnum<T>(EventField field, WireEnum<T> names, string requiredBecause) where T : struct, Enum =>
        EnumValue(field, names, requiredBecause) ?? default;

    private T? OptionalEnum<T>(EventField field, WireEnum<T> names) where T : struct, Enum =>
        EnumValue(field, names, requiredBecause: null);

    private T? EnumValue<T>(EventField field, WireEnum<T> names, string? requiredBecause) where T : struct, Enum
    {
        var raw = _fields[(int)field];
        var name = EventFieldNames.Name(field);
        if (_error is not null || raw.IsMissing)
        {
            if (raw.IsMissing && requiredBecause is not null)
            {
                Fail($"{name}: missing; {requiredBecause} ({names.Expected})");
            }

            return null;
        }

        if (raw.Token != JsonTokenType.String)
        {
            Fail($"{name}: must be a string, one of {names.Expected}; got {Describe(raw.Token)}");
            return null;
        }

        if (names.TryParse(Unescaped(raw), out var value))
        {
            return value;
        }

        Fail($"{name}: '{Echo(raw)}' is not allowed; expected {names.Expected} (case-sensitive)");
        return null;
    }

    private DateTimeOffset Timestamp(DateTimeOffset now, TimeSpan maxFutureSkew)
    {
        var raw = _fields[(int)EventField.Ts];
        if (_error is not null)
        {
            return default;
        }

        if (raw.IsMissing)
        {
            Fail($"ts: missing; every event needs its event time as RFC 3339 with an offset, such as {TsExample}");
            return default;
        }

        if (raw.Token != JsonTokenType.String)
        {
            Fail($"ts: must be a string holding an RFC 3339 time with an offset, such as {TsExample}; got {Describe(raw.Token)}");
            return default;
        }

        if (!Rfc3339.TryParse(Unescaped(raw), out var timestamp))
        {
            Fail($"ts: '{Echo(raw)}' is not an RFC 3339 time with an offset (a real date, Z or +hh:mm), such as {TsExample}");
            return default;
        }

        var ahead = timestamp - now;
        if (ahead > maxFutureSkew)
        {
            Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"ts: {timestamp:O} is {ahead:c} ahead of Vigil's clock ({now.UtcDateTime:O}); at most {maxFutureSkew:c} ahead is accepted, check the producer's clock"));
            return default;
        }

        return timestamp;
    }

    private string? Lang(Utf8StringCache cache)
    {
        var raw = _fields[(int)EventField.Lang];
        if (_error is not null || raw.IsMissing)
        {
            return null;
        }

        if (raw.Token != JsonTokenType.String)
        {
            Fail($"lang: must be a string holding a BCP 47 language tag such as ar, en or pt-BR; got {Describe(raw.Token)}");
            return null;
        }

        var tag = Unescaped(raw);
        if (!LanguageTag.IsValid(tag))
        {
            Fail($"lang: '{Echo(raw)}' is not a BCP 47 language tag such as ar, en or pt-BR");
            return null;
        }

        return cache.Get(tag);
    }

    private double? Number(EventField field, string? requiredBecause, Func<double, bool> inRange, string expected)
    {
        var raw = _fields[(int)field];
        var name = EventFieldNames.Name(field);
        if (_error is not null || raw.IsMissing)
        {
            if (raw.IsMissing && requiredBecause is not null)
            {
                Fail($"{name}: missing; {requiredBecause} ({expected})");
            }

            return null;
        }

        if (raw.Token != JsonTokenType.Number)
        {
            Fail($"{name}: must be {expected}, got {Describe(raw.Token)}");
            return null;
        }

        var text = _item.Slice(raw.Start, raw.Length);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail($"{name}: {Echo(raw)} is not a finite number; send {expected}");
            return null;
        }

        if (!inRange(value))
        {
            Fail($"{name}: must be {expected}, got {Echo(raw)}");
            return null;
        }

        return value;
    }

    private void Fail(string error) => _error ??= error;

    /// <summary>The value's unescaped UTF-8: the bytes themselves unless the producer used escapes (rare).</summary>
    private readonly ReadOnlySpan<byte> Unescaped(RawValue raw)
    {
        if (!raw.Escaped)
        {
            return _item.Slice(raw.Start, raw.Length);
        }

        try
        {
            return Encoding.UTF8.GetBytes(Decode(raw));
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Decodes a string value with its escapes; throws <see cref="InvalidOperationException"/> on an unpaired surrogate escape.</summary>
    private readonly string Decode(RawValue raw)
    {
        if (!raw.Escaped)
        {
            return Encoding.UTF8.GetString(_item.Slice(raw.Start, raw.Length));
        }

        var reader = new Utf8JsonReader(_item.Slice(raw.Start - 1, raw.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A short, safe quote of a bad value for an error message (the producer sees its own data).</summary>
    private readonly string Echo(RawValue raw)
    {
        string text;
        try
        {
            text = raw.Token == JsonTokenType.String ? Decode(raw) : Encoding.UTF8.GetString(_item.Slice(raw.Start, raw.Length));
        }
        catch (InvalidOperationException)
        {
            return "(not valid Unicode)";
        }

        if (text.Length <= EchoLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[EchoLength - 1]) ? EchoLength - 1 : EchoLength;
        return string.Concat(text.AsSpan(0, cut), "...");
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    /// <summary>
    /// Length in Unicode scalar values (code points): what Go, Python and Rust count, and never more than what
    /// JavaScript's or Java's UTF-16 <c>length</c> counts, so a producer's own length check is never stricter than ours.
    /// </summary>
    private static int ScalarCount(ReadOnlySpan<byte> validUtf8)
    {
        var continuation = 0;
        foreach (var b in validUtf8)
        {
            continuation += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return validUtf8.Length - continuation;
    }

    private static int ScalarCount(string value)
    {
        var pairs = 0;
        foreach (var c in value)
        {
            pairs += char.IsLowSurrogate(c) ? 1 : 0;
        }

        return value.Length - pairs;
    }

    /// <summary>Whether the item is valid UTF-8, else the 1-based byte where it stops being so.</summary>
    public readonly int FirstInvalidUtf8Byte()
    {
        if (Utf8.IsValid(_item))
        {
            return 0;
        }

        var offset = 0;
        var rest = _item;
        while (System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
            rest = rest[consumed..];
        }

        return offset + 1;
    }
}
