using Vigil.Simulator.Tests.Support;

namespace Vigil.Simulator.Tests;

[Collection(GeneratedTrafficCollection.Name)]
public sealed class ContractComplianceTests
{
    private readonly GeneratedTrafficFixture traffic;

    public ContractComplianceTests(GeneratedTrafficFixture traffic) => this.traffic = traffic;

    [Fact]
    public void EveryGeneratedLineIsValidPerTheContract()
    {
        var receiverNow = traffic.End;

        var failures = traffic.Lines
            .Select((line, index) => (index, errors: ContractChecker.Check(line, receiverNow)))
            .Where(r => r.errors.Count > 0)
            .Take(5)
            .Select(r => $"line {r.index + 1}: {string.Join("; ", r.errors)}: {System.Text.Encoding.UTF8.GetString(traffic.Lines[r.index])}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void TheTrafficUsesEveryEventTypeOfTheContract()
    {
        var types = traffic.Events.Select(e => e.Type).ToHashSet();

        Assert.Empty(ContractChecker.Types.Except(types));
    }

    [Fact]
    public void EventIdsAreUnique()
    {
        var ids = traffic.Events.Select(e => e.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AllSixRegionsAndThreeChatLanguagesAppear()
    {
        Assert.Equal(["EU", "LATAM", "MENA", "NA", "SA", "SEA"], traffic.Events.Select(e => e.Region).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["ar", "en", "es"], traffic.Events.Where(e => e.Type == "chat.message").Select(e => e.Lang!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeywordChatIncludesArabicAndLatinEvasions()
    {
        var texts = traffic.Events.Where(e => e.Type == "chat.message").Select(e => e.Text!).ToList();

        Assert.Contains(texts, t => t.Contains('\u0640'));
        Assert.Contains(texts, t => t.Any(c => c is >= '\u064E' and <= '\u0652'));
        Assert.Contains(texts, t => t.Contains(" a ", StringComparison.Ordinal) || t.Contains('.') && t.Split('.').Length > 4);
    }

    [Fact]
    public void NothingHappensInARoomAfterItEnded()
    {
        var endedAt = traffic.Events.Where(e => e.Type == "room.ended").ToDictionary(e => e.RoomId!, e => e.Ts);

        var after = traffic.Events.Where(e => e.RoomId is { } room && e.Type != "moderation.decision"
            && endedAt.TryGetValue(room, out var end) && e.Ts > end).Take(3).ToList();

        Assert.True(after.Count == 0, "Events after room.ended: " + string.Join(", ", after.Select(e => $"{e.Type} {e.RoomId} {e.Ts:O}")));
    }

    [Fact]
    public void ViewersLeaveOnlyRoomsTheyAreIn()
    {
        var present = new HashSet<(string Room, string User)>();
        var strays = 0;

        foreach (var e in traffic.Events.Where(e => e.Type is "viewer.joined" or "viewer.left").OrderBy(e => e.Ts))
        {
            if (e.Type == "viewer.joined")
            {
                present.Add((e.RoomId!, e.UserId!));
            }
            else if (!present.Remove((e.RoomId!, e.UserId!)))
            {
                strays++;
            }
        }

        Assert.Equal(0, strays);
    }

    [Fact]
    public void AudiencesAndGiftsAreHeavyTailed()
    {
        var peakViewers = PeakViewersPerRoom();
        var median = peakViewers.Order().ElementAt(peakViewers.Count / 2);
        var gifts = traffic.Events.Where(e => e.Type == "gift.sent").Select(e => e.Value!.Value).OrderDescending().ToList();
        var topPercent = gifts.Take(Math.Max(1, gifts.Count / 100)).Sum();

        Assert.True(peakViewers.Max() >= 10 * median, $"Hottest room peaked at {peakViewers.Max()} viewers, median room at {median}.");
        Assert.True(topPercent >= 0.3 * gifts.Sum(), $"The top 1% of gifts carry {topPercent / gifts.Sum():P0} of the value.");
    }

    private List<int> PeakViewersPerRoom()
    {
        var current = new Dictionary<string, int>();
        var peak = new Dictionary<string, int>();
        foreach (var e in traffic.Events.Where(e => e.Type is "viewer.joined" or "viewer.left").OrderBy(e => e.Ts))
        {
            var now = current.GetValueOrDefault(e.RoomId!) + (e.Type == "viewer.joined" ? 1 : -1);
            current[e.RoomId!] = now;
            peak[e.RoomId!] = Math.Max(now, peak.GetValueOrDefault(e.RoomId!));
        }

        return peak.Values.ToList();
    }
}
