namespace Vigil.Grains.Contracts.Events;

/// <summary>The contract's wire names for event types and enum values, both ways.</summary>
public static class EventNames
{
    private static readonly Dictionary<string, EventType> TypesByName = new(StringComparer.Ordinal)
    {
        ["room.started"] = EventType.RoomStarted,
        ["room.ended"] = EventType.RoomEnded,
        ["viewer.joined"] = EventType.ViewerJoined,
        ["viewer.left"] = EventType.ViewerLeft,
        ["chat.message"] = EventType.ChatMessage,
        ["gift.sent"] = EventType.GiftSent,
        ["follow"] = EventType.Follow,
        ["report.filed"] = EventType.ReportFiled,
        ["moderation.score"] = EventType.ModerationScore,
        ["moderation.decision"] = EventType.ModerationDecision,
        ["user.session"] = EventType.UserSession,
        ["user.complaint"] = EventType.UserComplaint,
        ["complaint.resolved"] = EventType.ComplaintResolved,
        ["satisfaction.survey"] = EventType.SatisfactionSurvey,
    };

    private static readonly Dictionary<EventType, string> NamesByType = TypesByName.ToDictionary(p => p.Value, p => p.Key);

    private static readonly Dictionary<string, Category> CategoriesByName = Enum.GetValues<Category>().ToDictionary(Name, c => c, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> TypeNames => TypesByName.Keys;

    public static bool TryParseType(string name, out EventType type) => TypesByName.TryGetValue(name, out type);

    public static string Name(EventType type) => NamesByType[type];

    public static bool TryParseCategory(string name, out Category category) => CategoriesByName.TryGetValue(name, out category);

    /// <summary>Wire name of a category: <c>self_harm</c>, <c>minor_safety</c>, <c>nudity</c>...</summary>
    public static string Name(Category category) => category switch
    {
        Category.SelfHarm => "self_harm",
        Category.MinorSafety => "minor_safety",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>Wire name of a moderation action: <c>end_stream</c>, <c>warn</c>...</summary>
    public static string Name(ModerationAction action) => action == ModerationAction.EndStream ? "end_stream" : action.ToString().ToLowerInvariant();
}
