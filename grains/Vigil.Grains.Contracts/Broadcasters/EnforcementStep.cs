namespace Vigil.Grains.Contracts.Broadcasters;

/// <summary>The enforcement ladder, mildest first.</summary>
public enum EnforcementStep
{
    None,
    Warn,
    TemporaryLiveBan,
    LongerBan,
    Permanent,
}
