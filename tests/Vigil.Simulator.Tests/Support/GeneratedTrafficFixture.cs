namespace Vigil.Simulator.Tests.Support;

/// <summary>Forty simulated minutes of a 100-room platform with its ground truth, generated once for the tests that read it.</summary>
public sealed class GeneratedTrafficFixture
{
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(40);

    public GeneratedTrafficFixture()
    {
        Lines = TestTraffic.Generate(TestTraffic.Options(seed: 7, rooms: 100), TestTraffic.Start, Truth, until: Span);
        Events = Lines.Select(WireEvent.Parse).ToList();
    }

    public ListTruthSink Truth { get; } = new();

    public List<byte[]> Lines { get; }

    public List<WireEvent> Events { get; }

    public DateTimeOffset End => TestTraffic.Start + Span;
}
