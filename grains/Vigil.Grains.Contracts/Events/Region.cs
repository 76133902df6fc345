namespace Vigil.Grains.Contracts.Events;

/// <summary>Platform regions of contract v1; wire names are the upper-case member names.</summary>
public enum Region
{
    MENA,
    NA,
    LATAM,
    EU,
    SEA,
    SA,
    OTHER,
}
