namespace Vigil.Grains.Policy;

/// <summary>
/// The policy Vigil starts with when no policy file exists, and the template for one (write it to
/// <c>&lt;Vigil:DataPath&gt;/policy.json</c>, raise <c>version</c>, edit). Kept as C# text rather than an embedded
/// resource so it needs no build item; comments in it explain where each constant comes from.
/// </summary>
public static class DefaultPolicy
{
    public const string Json = """
        {
          "version": 1,
          "description": "Vigil default policy",

          // Risk (0..1) at which a category of a room enters Watch, Alert and Escalated. minEvidence: scores, reports
          // and keyword hits needed before Alert, so one noisy frame does not page anyone; child safety and self harm
          // alert on the first strong signal.
          "thresholds": {
            "nudity":       { "watch": 0.45, "alert": 0.70, "escalate": 0.90, "minEvidence": 2 },
            "sexual":       { "watch": 0.45, "alert": 0.70, "escalate": 0.90, "minEvidence": 2 },
            "violence":     { "watch": 0.40, "alert": 0.65, "escalate": 0.85, "minEvidence": 2 },
            "self_harm":    { "watch": 0.30, "alert": 0.55, "escalate": 0.80, "minEvidence": 1 },
            "minor_safety": { "watch": 0.25, "alert": 0.50, "escalate": 0.75, "minEvidence": 1 },
            "hate":         { "watch": 0.45, "alert": 0.70, "escalate": 0.90, "minEvidence": 2 },
            "harassment":   { "watch": 0.50, "alert": 0.75, "escalate": 0.95, "minEvidence": 2 },
            "gambling":     { "watch": 0.50, "alert": 0.75, "escalate": 0.95, "minEvidence": 2 },
            "drugs":        { "watch": 0.45, "alert": 0.70, "escalate": 0.90, "minEvidence": 2 },
            "weapons":      { "watch": 0.45, "alert": 0.70, "escalate": 0.90, "minEvidence": 2 },
            "fraud":        { "watch": 0.50, "alert": 0.75, "escalate": 0.95, "minEvidence": 2 },
            "spam":         { "watch": 0.60, "alert": 0.85, "escalate": 0.98, "minEvidence": 3 },
            "copyright":    { "watch": 0.60, "alert": 0.85, "escalate": 0.98, "minEvidence": 3 },
            "other":        { "watch": 0.60, "alert": 0.85, "escalate": 0.98, "minEvidence": 3 }
          },

          // Whole-entry replacements per region. MENA: local law and platform commitments make sexual content,
          // hate, gambling and drugs stricter there.
          "regionOverrides": {
            "MENA": {
              "thresholds": {
                "nudity":   { "watch": 0.35, "alert": 0.60, "escalate": 0.85, "minEvidence": 2 },
                "sexual":   { "watch": 0.35, "alert": 0.60, "escalate": 0.85, "minEvidence": 2 },
                "hate":     { "watch": 0.35, "alert": 0.60, "escalate": 0.85, "minEvidence": 2 },
                "gambling": { "watch": 0.40, "alert": 0.60, "escalate": 0.90, "minEvidence": 2 },
                "drugs":    { "watch": 0.35, "alert": 0.60, "escalate": 0.85, "minEvidence": 2 }
              },
              "severity": {
                "gambling": { "p1": null, "p2": 0.80, "p3": 0.60 },
                "drugs":    { "p1": null, "p2": 0.75, "p3": 0.60 }
              }
            }
          },

          // After one half-life a piece of evidence counts half. Classifier scores describe the room right now and
          // fade in minutes; user reports are rarer and slower and keep counting for half an hour.
          "decay": {
            "automatedScoreHalfLifeSeconds": 120,
            "userReportHalfLifeSeconds": 1800,
            "chatKeywordHalfLifeSeconds": 600
          },

          // risk = 1 - (1 - wA * peakScore) * (1 - wR * n / (n + 3)) * (1 - wK * h / (h + 5)).
          // A weight is the most that source can establish alone: a classifier can nearly prove a violation, reports
          // can reach an alert (n = 9 fresh reports gives 0.56), chat keywords alone reach Watch but hardly Alert.
          "combination": {
            "automatedWeight": 0.95,
            "reportWeight": 0.75,
            "keywordWeight": 0.50,
            "reportHalfSaturation": 3,
            "keywordHalfSaturation": 5
          },

          // A state is left only when risk falls this far under the threshold that set it.
          "stateMachine": { "hysteresis": 0.05 },

          // Lowest risk for P1, P2, P3 (below p3: P4; null: never that severity). Contract v1: minor_safety,
          // self_harm and violence with strong evidence are P1, so their p1 sits at or under their escalate threshold.
          "severity": {
            "nudity":       { "p1": 0.95, "p2": 0.80, "p3": 0.60 },
            "sexual":       { "p1": 0.95, "p2": 0.80, "p3": 0.60 },
            "violence":     { "p1": 0.80, "p2": 0.65, "p3": 0.40 },
            "self_harm":    { "p1": 0.70, "p2": 0.55, "p3": 0.30 },
            "minor_safety": { "p1": 0.70, "p2": 0.50, "p3": 0.25 },
            "hate":         { "p1": null, "p2": 0.80, "p3": 0.60 },
            "harassment":   { "p1": null, "p2": 0.85, "p3": 0.65 },
            "gambling":     { "p1": null, "p2": null, "p3": 0.75 },
            "drugs":        { "p1": null, "p2": 0.85, "p3": 0.65 },
            "weapons":      { "p1": 0.95, "p2": 0.80, "p3": 0.60 },
            "fraud":        { "p1": null, "p2": 0.90, "p3": 0.70 },
            "spam":         { "p1": null, "p2": null, "p3": 0.90 },
            "copyright":    { "p1": null, "p2": null, "p3": 0.90 },
            "other":        { "p1": null, "p2": null, "p3": 0.90 }
          },

          // Seconds an alert may stay unacknowledged before it escalates.
          "sla": { "p1Seconds": 60, "p2Seconds": 300, "p3Seconds": 1800, "p4Seconds": 14400 },

          // Churn risk 0-100 = sum of weight x strength; a signal's strength grows linearly to 1 at its saturation.
          "churn": {
            "weights": {
              "spendTrend": 25,
              "sessionTrend": 20,
              "daysSinceLastSession": 15,
              "daysSinceLastGift": 10,
              "openComplaints": 10,
              "openComplaintAge": 10,
              "lowSatisfaction": 10
            },
            "saturation": {
              "spendDrop": 0.6,
              "sessionDrop": 0.6,
              "daysSinceLastSession": 14,
              "daysSinceLastGift": 21,
              "openComplaints": 2,
              "openComplaintAgeDays": 7
            },
            "lowSatisfactionAtOrBelow": 2,
            "nudgeThreshold": 60,
            "nudgeCooldownHours": 72,
            "vipTiers": [
              { "tier": 1, "name": "silver", "minSpend30Days": 5000 },
              { "tier": 2, "name": "gold", "minSpend30Days": 20000 },
              { "tier": 3, "name": "platinum", "minSpend30Days": 100000 }
            ]
          },

          // Chat screening, matched after normalisation (case, accents, Arabic letter variants, l33t, spacing).
          // Kept short and mild; slurs are placeholders, real lists are maintained by the policy team.
          "keywords": {
            "en": {
              "gambling": [ "casino", "bet now", "free spins" ],
              "drugs": [ "cocaine", "meth", "buy weed" ],
              "hate": [ "hate-slur-placeholder-1", "hate-slur-placeholder-2" ],
              "harassment": [ "nobody likes you", "you are worthless" ],
              "self_harm": [ "kill myself", "want to die", "end my life" ],
              "minor_safety": [ "how old are you", "are you alone", "what school do you go to" ],
              "sexual": [ "sex", "send nudes" ],
              "violence": [ "shoot you", "stab you" ],
              "weapons": [ "buy a gun" ],
              "fraud": [ "free coins", "send gift card" ],
              "spam": [ "click my link" ]
            },
            "ar": {
              "gambling": [ "كازينو", "مراهنات" ],
              "drugs": [ "مخدرات", "حشيش" ],
              "hate": [ "شتيمة-مثال-1" ],
              "self_harm": [ "انتحار", "اقتل نفسي" ],
              "minor_safety": [ "كم عمرك" ],
              "sexual": [ "سكس" ]
            },
            "es": {
              "gambling": [ "casino", "apuesta ya" ],
              "drugs": [ "drogas", "cocaína" ],
              "hate": [ "insulto-ejemplo-1" ],
              "self_harm": [ "suicidio", "matarme" ],
              "minor_safety": [ "cuántos años tienes" ],
              "sexual": [ "desnudos" ]
            }
          }
        }
        """;

    private static readonly Lazy<CompiledPolicy> CompiledDefault = new(() => CompiledPolicy.Parse(Json));

    /// <summary>The default policy, read and checked once.</summary>
    public static CompiledPolicy Compiled => CompiledDefault.Value;

    public static PolicyDocument Document => Compiled.Document;
}
