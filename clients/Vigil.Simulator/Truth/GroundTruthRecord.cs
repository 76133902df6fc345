using System.Text.Json.Serialization;

namespace Vigil.Simulator.Truth;

/// <summary>One line of the ground-truth file: what the simulator injected, so detection can be scored afterwards.</summary>
public abstract record GroundTruthRecord
{
    /// <summary><c>episode</c>, <c>noise</c> or <c>vip</c>; the first field of every line.</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Kind { get; }
}
