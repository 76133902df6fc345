namespace Vigil.Simulator.Truth;

/// <summary>Receives ground-truth records as the generated stream reaches them.</summary>
public interface IGroundTruthSink
{
    void Write(GroundTruthRecord record);
}
