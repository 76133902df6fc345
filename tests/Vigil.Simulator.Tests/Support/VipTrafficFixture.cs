namespace Vigil.Simulator.Tests.Support;

/// <summary>
/// Three simulated weeks of a deliberately tiny platform (one small room) with 40 VIPs, so the VIPs' day-scale
/// trajectories can be measured without generating weeks of room traffic. Only VIP events are kept.
/// </summary>
public sealed class VipTrafficFixture
{
    public const int Weeks = 3;

    public VipTrafficFixture()
    {
        var options = TestTraffic.Options(seed: 11, rooms: 1);
        options.Vips = 40;
        options.AudienceScale = 0.02;
        options.EpisodesPerRoomHour = 0;
        options.NoisePerRoomHour = 0;
        var generator = new Generation.TrafficGenerator(options, TestTraffic.Start, Truth);
        var end = TestTraffic.Start + TimeSpan.FromDays(7 * Weeks);
        while (true)
        {
            var next = generator.Next();
            if (next.Timestamp >= end)
            {
                break;
            }

            // Cheap prefilter on the raw bytes; VIP ids are vip0000..
            if (next.Json.AsSpan().IndexOf("\"userId\":\"vip"u8) >= 0)
            {
                Events.Add(WireEvent.Parse(next.Json));
            }
        }

        generator.Complete();
    }

    public ListTruthSink Truth { get; } = new();

    public List<WireEvent> Events { get; } = [];

    public static int WeekOf(DateTimeOffset ts) => (int)((ts - TestTraffic.Start).TotalDays / 7);
}
