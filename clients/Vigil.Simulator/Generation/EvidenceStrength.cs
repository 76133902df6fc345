namespace Vigil.Simulator.Generation;

/// <summary>How clear an episode's evidence is: peak classifier score, number of sources and of reports.</summary>
internal enum EvidenceStrength
{
    Weak,
    Moderate,
    Strong,
}
