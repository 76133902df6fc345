using Vigil.Simulator.Truth;

namespace Vigil.Simulator.Tests.Support;

/// <summary>Keeps ground truth in memory.</summary>
public sealed class ListTruthSink : IGroundTruthSink
{
    public List<GroundTruthRecord> Records { get; } = [];

    public IEnumerable<EpisodeTruth> Episodes => Records.OfType<EpisodeTruth>();

    public IEnumerable<NoiseTruth> Decoys => Records.OfType<NoiseTruth>();

    public IEnumerable<VipScenarioTruth> Vips => Records.OfType<VipScenarioTruth>();

    public void Write(GroundTruthRecord record) => Records.Add(record);
}
