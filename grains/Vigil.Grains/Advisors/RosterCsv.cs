using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Vips;

namespace Vigil.Grains.Advisors;

/// <summary>
/// Reads the admin roster CSV: one <c>userId,advisorId,tier</c> per line (tier may be empty or left out, meaning "follow
/// spend"; an optional header line). Each bad line is reported on its own with its 1-based number and every bad field,
/// so the good lines can still be applied.
/// </summary>
public static class RosterCsv
{
    public const int MaxIdLength = 128;

    private static readonly string[] Fields = ["userId", "advisorId", "tier"];

    private static readonly string TierNames = string.Join(", ", Enum.GetNames<VipTier>().Select(n => n.ToLowerInvariant()));

    public static (IReadOnlyList<VipAssignment> Entries, IReadOnlyList<RosterLineError> Errors) Parse(string csv, Region region)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var entries = new List<VipAssignment>();
        var errors = new List<RosterLineError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = csv.Split('\n');
        var first = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',').Select(Unquote).ToArray();
            if (first && fields.Length > 0 && string.Equals(fields[0], Fields[0], StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            var number = i + 1;
            var lineErrors = errors.Count;
            if (fields.Length > Fields.Length)
            {
                errors.Add(new RosterLineError(number, "line", $"has {fields.Length} fields; expected {Fields.Length}: userId,advisorId,tier"));
                continue;
            }

            var userId = Id(fields, 0, number, errors);
            var advisorId = Id(fields, 1, number, errors);
            var tier = Tier(fields.Length > 2 ? fields[2] : "", number, errors);
            if (userId is not null && seen.TryGetValue(userId, out var earlier))
            {
                errors.Add(new RosterLineError(number, "userId", $"'{userId}' is already on line {earlier}"));
            }

            if (errors.Count == lineErrors)
            {
                seen[userId!] = number;
                entries.Add(new VipAssignment { UserId = userId!, AdvisorId = advisorId!, Tier = tier, Region = region });
            }
        }

        return (entries, errors);
    }

    private static string? Id(string[] fields, int index, int line, List<RosterLineError> errors)
    {
        var value = fields.Length > index ? fields[index] : "";
        var problem = value.Length == 0 ? "is missing"
            : value.Length > MaxIdLength ? $"is longer than {MaxIdLength} characters"
            : null;
        if (problem is null)
        {
            return value;
        }

        errors.Add(new RosterLineError(line, Fields[index], problem));
        return null;
    }

    private static VipTier? Tier(string value, int line, List<RosterLineError> errors)
    {
        if (value.Length == 0)
        {
            return null;
        }

        foreach (var tier in Enum.GetValues<VipTier>())
        {
            if (string.Equals(tier.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return tier;
            }
        }

        errors.Add(new RosterLineError(line, "tier", $"'{value}' is not a tier; use one of {TierNames}, or leave it empty to follow spend"));
        return null;
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }
}
