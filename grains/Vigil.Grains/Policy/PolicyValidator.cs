using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>
/// Checks a policy document and returns every problem at once, each starting with its JSON path, e.g.
/// <c>thresholds.minor_safety.alert: must be between 0 and 1 (was 1.7)</c>. JSON that cannot be read at all
/// (bad syntax, a wrong type, an unknown or missing property) is reported one problem at a time, as the reader
/// stops there; everything after that is checked in full.
/// </summary>
public static partial class PolicyValidator
{
    /// <summary>Contract v1: these categories with strong evidence are P1, so a policy must make P1 reachable for them.</summary>
    public static IReadOnlyList<Category> ContractP1Categories { get; } = [Category.MinorSafety, Category.SelfHarm, Category.Violence];

    private const int MaxSeconds = 7 * 24 * 3600;
    private const int MaxKeywordLength = 100;
    private const int MaxKeywordsPerList = 5000;

    private static readonly string CategoryList = string.Join(", ", Enum.GetValues<Category>().Select(EventNames.Name));

    /// <summary>Reads and checks <paramref name="json"/>; <paramref name="document"/> is set only when there is no problem.</summary>
    public static IReadOnlyList<string> Validate(string json, out PolicyDocument? document)
    {
        document = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return ["$: the policy document is empty"];
        }

        PolicyDocument parsed;
        try
        {
            parsed = PolicyDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [Describe(e)];
        }

        var errors = Validate(parsed);
        if (errors.Count == 0)
        {
            document = parsed;
        }

        return errors;
    }

    /// <summary>Checks a document already read; an empty list means it may be applied.</summary>
    public static IReadOnlyList<string> Validate(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        if (document.Version < 1)
        {
            errors.Add($"version: must be 1 or more (was {document.Version})");
        }

        CheckCategoryMap(errors, "thresholds", document.Thresholds, requireAll: true, CheckThresholds);
        CheckCategoryMap(errors, "severity", document.Severity, requireAll: true, CheckBands);
        CheckRegionOverrides(errors, document.RegionOverrides);
        CheckContractSeverity(errors, document);
        CheckDecay(errors, document.Decay);
        CheckCombination(errors, document.Combination);
        if (Present(errors, "stateMachine", document.StateMachine))
        {
            Between(errors, "stateMachine.hysteresis", document.StateMachine.Hysteresis, 0, 0.5);
        }

        CheckSla(errors, document.Sla);
        CheckChurn(errors, document.Churn);
        CheckKeywords(errors, document.Keywords);
        return errors;
    }

    private static string Describe(JsonException e)
    {
        var path = e.Path is null or "$" ? "$" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.TrimEnd('.', ' ');

        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            message = $"unknown property '{unmapped.Groups[1].Value}'";
        }
        else if (MissingProperties().Match(message) is { Success: true } missing)
        {
            message = $"missing required properties {missing.Groups[1].Value}";
        }
        else if (NotConvertible().Match(message) is { Success: true } wrongType)
        {
            message = "must be " + Describe(wrongType.Groups[1].Value);
        }
        else if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            message = "must not be null";
        }

        var line = e.LineNumber is { } zeroBased ? $" (line {zeroBased + 1})" : string.Empty;
        return $"{path}: {message}{line}";
    }

    // The reader names .NET types; a policy author thinks in JSON ones.
    private static string Describe(string dotNetType) => dotNetType switch
    {
        "System.Int32" => "a whole number",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number",
        "System.String" => "a string",
        _ when dotNetType.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    private static void CheckCategoryMap<T>(List<string> errors, string path, IReadOnlyDictionary<string, T>? map, bool requireAll, Action<List<string>, string, T> check)
        where T : class
    {
        if (!Present(errors, path, map))
        {
            return;
        }

        foreach (var (key, value) in map)
        {
            if (!EventNames.TryParseCategory(key, out _))
            {
                errors.Add($"{path}.{key}: unknown category; expected one of {CategoryList}");
            }
            else if (Present(errors, $"{path}.{key}", value))
            {
                check(errors, $"{path}.{key}", value);
            }
        }

        if (requireAll)
        {
            foreach (var category in Enum.GetValues<Category>())
            {
                if (!map.ContainsKey(EventNames.Name(category)))
                {
                    errors.Add($"{path}.{EventNames.Name(category)}: missing; every category needs an entry");
                }
            }
        }
    }

    private static void CheckThresholds(List<string> errors, string path, CategoryThresholds t)
    {
        var watch = Between(errors, $"{path}.watch", t.Watch, 0, 1);
        var alert = Between(errors, $"{path}.alert", t.Alert, 0, 1);
        var escalate = Between(errors, $"{path}.escalate", t.Escalate, 0, 1);
        if (watch && alert && t.Alert <= t.Watch)
        {
            errors.Add($"{path}.alert: must be above {path}.watch {F(t.Watch)} (was {F(t.Alert)})");
        }

        if (alert && escalate && t.Escalate < t.Alert)
        {
            errors.Add($"{path}.escalate: must be at least {path}.alert {F(t.Alert)} (was {F(t.Escalate)})");
        }

        Between(errors, $"{path}.minEvidence", t.MinEvidence, 1, 1000);
    }

    private static void CheckBands(List<string> errors, string path, SeverityBands bands)
    {
        (string Name, double? Value)[] ordered = [("p1", bands.P1), ("p2", bands.P2), ("p3", bands.P3)];
        (string Name, double Value)? above = null;
        foreach (var (name, value) in ordered)
        {
            if (value is not { } v || !Between(errors, $"{path}.{name}", v, 0, 1))
            {
                continue;
            }

            if (above is { } a && v > a.Value)
            {
                errors.Add($"{path}.{name}: must be at most {path}.{a.Name} {F(a.Value)} (was {F(v)})");
            }

            above = (name, v);
        }
    }

    private static void CheckRegionOverrides(List<string> errors, IReadOnlyDictionary<string, RegionOverride>? overrides)
    {
        if (!Present(errors, "regionOverrides", overrides))
        {
            return;
        }

        foreach (var (region, value) in overrides)
        {
            var path = $"regionOverrides.{region}";
            if (!Enum.GetNames<Region>().Contains(region, StringComparer.Ordinal))
            {
                errors.Add($"{path}: unknown region; expected one of {string.Join(", ", Enum.GetNames<Region>())}");
            }
            else if (Present(errors, path, value))
            {
                CheckCategoryMap(errors, $"{path}.thresholds", value.Thresholds, requireAll: false, CheckThresholds);
                CheckCategoryMap(errors, $"{path}.severity", value.Severity, requireAll: false, CheckBands);
            }
        }
    }

    // Checked for the global entries and for each region that overrides a contract category, once each.
    private static void CheckContractSeverity(List<string> errors, PolicyDocument document)
    {
        if (document.Thresholds is null || document.Severity is null)
        {
            return;
        }

        foreach (var category in ContractP1Categories)
        {
            var name = EventNames.Name(category);
            CheckP1(errors, name, document.Thresholds.GetValueOrDefault(name), "thresholds." + name, document.Severity.GetValueOrDefault(name), "severity." + name);
            foreach (var (region, value) in document.RegionOverrides ?? new Dictionary<string, RegionOverride>())
            {
                var thresholds = value?.Thresholds?.GetValueOrDefault(name);
                var bands = value?.Severity?.GetValueOrDefault(name);
                if (thresholds is not null || bands is not null)
                {
                    CheckP1(
                        errors,
                        name,
                        thresholds ?? document.Thresholds.GetValueOrDefault(name),
                        thresholds is null ? "thresholds." + name : $"regionOverrides.{region}.thresholds.{name}",
                        bands ?? document.Severity.GetValueOrDefault(name),
                        bands is null ? "severity." + name : $"regionOverrides.{region}.severity.{name}");
                }
            }
        }
    }

    private static void CheckP1(List<string> errors, string name, CategoryThresholds? thresholds, string thresholdsPath, SeverityBands? bands, string bandsPath)
    {
        if (bands is null)
        {
            return;
        }

        if (bands.P1 is not { } p1)
        {
            errors.Add($"{bandsPath}.p1: must be set; contract v1 makes {name} with strong evidence P1");
        }
        else if (thresholds is not null && p1 > thresholds.Escalate)
        {
            errors.Add($"{bandsPath}.p1: must be at most {thresholdsPath}.escalate {F(thresholds.Escalate)}, so strong {name} evidence is P1 (was {F(p1)})");
        }
    }

    private static void CheckDecay(List<string> errors, DecayPolicy? decay)
    {
        if (Present(errors, "decay", decay))
        {
            Seconds(errors, "decay.automatedScoreHalfLifeSeconds", decay.AutomatedScoreHalfLifeSeconds);
            Seconds(errors, "decay.userReportHalfLifeSeconds", decay.UserReportHalfLifeSeconds);
            Seconds(errors, "decay.chatKeywordHalfLifeSeconds", decay.ChatKeywordHalfLifeSeconds);
        }
    }

    private static void CheckCombination(List<string> errors, CombinationPolicy? c)
    {
        if (!Present(errors, "combination", c))
        {
            return;
        }

        Between(errors, "combination.automatedWeight", c.AutomatedWeight, 0, 1);
        Between(errors, "combination.reportWeight", c.ReportWeight, 0, 1);
        Between(errors, "combination.keywordWeight", c.KeywordWeight, 0, 1);
        if (!(c.AutomatedWeight > 0 || c.ReportWeight > 0 || c.KeywordWeight > 0))
        {
            errors.Add("combination: at least one of automatedWeight, reportWeight, keywordWeight must be above 0");
        }

        AboveZero(errors, "combination.reportHalfSaturation", c.ReportHalfSaturation, 1000);
        AboveZero(errors, "combination.keywordHalfSaturation", c.KeywordHalfSaturation, 1000);
    }

    private static void CheckSla(List<string> errors, SlaPolicy? sla)
    {
        if (!Present(errors, "sla", sla))
        {
            return;
        }

        (string Name, int Seconds)[] ordered = [("p1Seconds", sla.P1Seconds), ("p2Seconds", sla.P2Seconds), ("p3Seconds", sla.P3Seconds), ("p4Seconds", sla.P4Seconds)];
        for (var i = 0; i < ordered.Length; i++)
        {
            var (name, seconds) = ordered[i];
            if (Seconds(errors, "sla." + name, seconds) && i > 0 && seconds < ordered[i - 1].Seconds)
            {
                errors.Add($"sla.{name}: must be at least sla.{ordered[i - 1].Name} {ordered[i - 1].Seconds} (was {seconds})");
            }
        }
    }

    private static void CheckChurn(List<string> errors, ChurnPolicy? churn)
    {
        if (!Present(errors, "churn", churn))
        {
            return;
        }

        if (Present(errors, "churn.weights", churn.Weights))
        {
            var w = churn.Weights;
            var allInRange = Between(errors, "churn.weights.spendTrend", w.SpendTrend, 0, 100)
                & Between(errors, "churn.weights.sessionTrend", w.SessionTrend, 0, 100)
                & Between(errors, "churn.weights.daysSinceLastSession", w.DaysSinceLastSession, 0, 100)
                & Between(errors, "churn.weights.daysSinceLastGift", w.DaysSinceLastGift, 0, 100)
                & Between(errors, "churn.weights.openComplaints", w.OpenComplaints, 0, 100)
                & Between(errors, "churn.weights.openComplaintAge", w.OpenComplaintAge, 0, 100)
                & Between(errors, "churn.weights.lowSatisfaction", w.LowSatisfaction, 0, 100);
            if (allInRange && Math.Abs(w.Total - 100) > 1e-6)
            {
                errors.Add($"churn.weights: must add up to 100 (was {F(w.Total)})");
            }
        }

        if (Present(errors, "churn.saturation", churn.Saturation))
        {
            var s = churn.Saturation;
            AboveZero(errors, "churn.saturation.spendDrop", s.SpendDrop, 1);
            AboveZero(errors, "churn.saturation.sessionDrop", s.SessionDrop, 1);
            AboveZero(errors, "churn.saturation.daysSinceLastSession", s.DaysSinceLastSession, 365);
            AboveZero(errors, "churn.saturation.daysSinceLastGift", s.DaysSinceLastGift, 365);
            AboveZero(errors, "churn.saturation.openComplaints", s.OpenComplaints, 100);
            AboveZero(errors, "churn.saturation.openComplaintAgeDays", s.OpenComplaintAgeDays, 365);
        }

        Between(errors, "churn.lowSatisfactionAtOrBelow", churn.LowSatisfactionAtOrBelow, 1, 5);
        Between(errors, "churn.nudgeThreshold", churn.NudgeThreshold, 0, 100);
        AboveZero(errors, "churn.nudgeCooldownHours", churn.NudgeCooldownHours, 90 * 24);
        CheckVipTiers(errors, churn.VipTiers);
    }

    private static void CheckVipTiers(List<string> errors, IReadOnlyList<VipTierBound>? tiers)
    {
        if (!Present(errors, "churn.vipTiers", tiers))
        {
            return;
        }

        if (tiers.Count == 0)
        {
            errors.Add("churn.vipTiers: must list at least one tier");
        }

        VipTierBound? previous = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            var path = $"churn.vipTiers[{i}]";
            var tier = tiers[i];
            if (!Present(errors, path, tier))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(tier.Name))
            {
                errors.Add($"{path}.name: must not be empty");
            }

            var spendOk = Between(errors, $"{path}.minSpend30Days", tier.MinSpend30Days, 0, 1e12);
            if (previous is not null)
            {
                var before = $"churn.vipTiers[{i - 1}]";
                if (tier.Tier <= previous.Tier)
                {
                    errors.Add($"{path}.tier: must be above {before}.tier {previous.Tier} (was {tier.Tier})");
                }

                if (spendOk && tier.MinSpend30Days <= previous.MinSpend30Days)
                {
                    errors.Add($"{path}.minSpend30Days: must be above {before}.minSpend30Days {F(previous.MinSpend30Days)} (was {F(tier.MinSpend30Days)})");
                }
            }

            previous = tier;
        }
    }

    private static void CheckKeywords(List<string> errors, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? keywords)
    {
        if (!Present(errors, "keywords", keywords))
        {
            return;
        }

        foreach (var (language, byCategory) in keywords)
        {
            var path = $"keywords.{language}";
            if (!LanguageCode().IsMatch(language))
            {
                errors.Add($"{path}: language must be a lower-case ISO 639 code such as en, ar or es");
            }

            CheckCategoryMap(errors, path, byCategory, requireAll: false, CheckKeywordList);
        }
    }

    private static void CheckKeywordList(List<string> errors, string path, IReadOnlyList<string> list)
    {
        if (list.Count > MaxKeywordsPerList)
        {
            errors.Add($"{path}: at most {MaxKeywordsPerList} keywords per list (was {list.Count})");
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var keyword = list[i];
            if (keyword is null)
            {
                errors.Add($"{path}[{i}]: must be a string, not null");
                continue;
            }

            if (keyword.Length > MaxKeywordLength)
            {
                errors.Add($"{path}[{i}]: at most {MaxKeywordLength} characters (was {keyword.Length})");
                continue;
            }

            var normalized = TextNormalizer.Normalize(keyword);
            if (normalized.Replace(" ", "", StringComparison.Ordinal).Length < 2)
            {
                errors.Add($"{path}[{i}]: normalises to '{normalized}', too short to match safely (at least 2 letters; was '{keyword}')");
            }
            else if (!firstIndex.TryAdd(normalized, i))
            {
                errors.Add($"{path}[{i}]: duplicate of {path}[{firstIndex[normalized]}] after normalisation ('{normalized}')");
            }
        }
    }

    private static bool Present<T>(List<string> errors, string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] T? value)
        where T : class
    {
        if (value is null)
        {
            errors.Add($"{path}: missing (or null)");
            return false;
        }

        return true;
    }

    private static bool Between(List<string> errors, string path, double value, double min, double max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        errors.Add($"{path}: must be between {F(min)} and {F(max)} (was {F(value)})");
        return false;
    }

    private static bool AboveZero(List<string> errors, string path, double value, double max)
    {
        if (value > 0 && value <= max)
        {
            return true;
        }

        errors.Add($"{path}: must be above 0 and at most {F(max)} (was {F(value)})");
        return false;
    }

    private static bool Seconds(List<string> errors, string path, double seconds)
    {
        if (seconds >= 1 && seconds <= MaxSeconds)
        {
            return true;
        }

        errors.Add($"{path}: must be between 1 and {MaxSeconds} seconds (was {F(seconds)})");
        return false;
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("could not be converted to (.+)$")]
    private static partial Regex NotConvertible();

    [GeneratedRegex("missing required properties including: (.+)$")]
    private static partial Regex MissingProperties();
}
