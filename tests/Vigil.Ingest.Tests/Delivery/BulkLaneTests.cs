using System.Globalization;
using Vigil.Ingest.Delivery;

namespace Vigil.Ingest.Tests.Delivery;

public sealed class BulkLaneTests
{
    [Fact]
    public async Task WorkRunsOnALaneThreadAtALowerPriority()
    {
        using var lane = new BulkLane(2);
        string? thread = null;
        var nice = 0;

        await lane.Run(() =>
        {
            thread = Thread.CurrentThread.Name;
            nice = OperatingSystem.IsLinux() ? NiceOfThisThread() : BulkLane.Nice;
        }).Within("a lane's work");

        Assert.StartsWith("vigil-bulk-", thread, StringComparison.Ordinal);
        Assert.Equal(BulkLane.Nice, nice);
    }

    [Fact]
    public async Task WorkRunsInTheOrderItWasHandedOver()
    {
        using var lane = new BulkLane(1);
        var order = new List<int>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => lane.Run(() => order.Add(i)))).Within("100 pieces of work");

        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    [Fact]
    public async Task AFailureReachesTheTaskAndTheLaneGoesOn()
    {
        using var lane = new BulkLane(1);

        var failed = lane.Run(() => throw new InvalidOperationException("room turn failed"));
        var next = lane.Run(() => { });

        Assert.Equal("room turn failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed.Within("the failing work"))).Message);
        await next.Within("the work after it");
    }

    [Fact]
    public async Task WorkHandedOverAfterDisposeStillRuns()
    {
        var lane = new BulkLane(1);
        lane.Dispose();
        var ran = false;

        await lane.Run(() => ran = true).Within("work after dispose");

        Assert.True(ran);
    }

    /// <summary>The calling thread's nice value: field 19 of <c>/proc/thread-self/stat</c>, counted after the command name's closing parenthesis.</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
