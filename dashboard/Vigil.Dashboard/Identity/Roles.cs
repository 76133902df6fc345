namespace Vigil.Dashboard.Identity;

/// <summary>The operator roles of the contract, and the authorization policies built from them.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Advisor = "advisor";
    public const string Commander = "commander";
    public const string Qa = "qa";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Operator, Advisor, Commander, Qa, Admin };

    /// <summary>Sees alerts, rooms, broadcasters and heat.</summary>
    public const string SafetyPolicy = "safety";

    /// <summary>Acts on alerts.</summary>
    public const string ActOnAlertsPolicy = "act-on-alerts";

    /// <summary>Sees VIPs and nudges.</summary>
    public const string VipPolicy = "vips";

    public const string AdminPolicy = "admin";

    /// <summary>Moves incidents between declared, mitigating and resolved (commander, admin).</summary>
    public const string CommandIncidentsPolicy = "command-incidents";
}
