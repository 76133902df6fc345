using System.Runtime.ExceptionServices;
using Vigil.Runtime.Invocation;
using Vigil.Runtime.Tests.Infrastructure;
using Vigil.Runtime.Tests.Runtime.Grains;

namespace Vigil.Runtime.Tests.Runtime;

/// <summary>
/// Calls sent inside a <see cref="CallerRunsScope"/>. Every sender here is a thread of its own, never a pool thread,
/// so a turn that ran on the sender's thread can only have run inline.
/// </summary>
public sealed class CallerRunsScopeTests
{
    [Fact]
    public async Task ACallToAnIdleGrainInsideTheScopeRunsOnTheSendingThreadBeforeTheCallReturns()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IThreadProbeGrain>("idle-" + Guid.NewGuid());
        await grain.Where().Within("the grain to activate");
        await Settled();

        var (call, sender) = SendFromOwnThread(() =>
        {
            using (CallerRunsScope.Open())
            {
                return grain.Where();
            }
        });

        Assert.True(call.IsCompletedSuccessfully, "the turn should have run before the call returned");
        Assert.Equal(sender, (await call).ThreadId);
    }

    [Fact]
    public async Task WithoutTheScopeTheTurnRunsOnAPoolThread()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IThreadProbeGrain>("pool-" + Guid.NewGuid());
        await grain.Where().Within("the grain to activate");
        await Settled();

        var (call, sender) = SendFromOwnThread(grain.Where);

        Assert.NotEqual(sender, (await call.Within("the queued turn")).ThreadId);
    }

    [Fact]
    public async Task ACallToABusyGrainInsideTheScopeIsQueuedAndTheSenderGoesOn()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "busy-" + Guid.NewGuid();
        var probe = GateProbe.For(key);
        var grain = silo.Grain<IGateGrain>(key);
        var first = grain.Write();
        await probe.FirstInside.Task.Within("the first write to hold the grain");

        var (second, _) = SendFromOwnThread(() =>
        {
            using (CallerRunsScope.Open())
            {
                return grain.Write();
            }
        });
        var waitingWhenSent = !second.IsCompleted;
        probe.Gate.SetResult();
        await Task.WhenAll(first, second).Within("both writes to finish");

        Assert.True(waitingWhenSent, "the second write should have waited in the mailbox, not run beside the first");
        Assert.False(probe.OverlapSeen);
    }

    [Fact]
    public async Task AnInlineTurnThatGoesAsyncStillHoldsTheGrainAgainstTheNextCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "inline-async-" + Guid.NewGuid();
        var probe = GateProbe.For(key);
        var grain = silo.Grain<IGateGrain>(key);
        await grain.Touch().Within("the grain to activate");
        await Settled();

        // The first write starts inline (the grain is idle) and awaits the gate: its turn leaves the sender's thread
        // unfinished, outside the mailbox until then, and must count as running from there on.
        var (first, _) = SendFromOwnThread(() =>
        {
            using (CallerRunsScope.Open())
            {
                return grain.Write();
            }
        });
        await probe.FirstInside.Task.Within("the first write to hold the grain");
        var second = grain.Write();
        await Task.Delay(100);
        var secondWaited = !second.IsCompleted;
        probe.Gate.SetResult();
        await Task.WhenAll(first, second).Within("both writes to finish");

        Assert.True(secondWaited, "the second write should have waited for the first, which is still running");
        Assert.False(probe.OverlapSeen);
        Assert.Equal(1, probe.MaxInside);
    }

    [Fact]
    public async Task ACallAGrainMakesWhileRunningInlineIsQueuedRatherThanNestedOnTheSendersStack()
    {
        await using var silo = await TestSilo.StartAsync();
        var (outerKey, peerKey) = ("outer-" + Guid.NewGuid(), "peer-" + Guid.NewGuid());
        var grain = silo.Grain<IThreadProbeGrain>(outerKey);
        await Task.WhenAll(grain.Where(), silo.Grain<IThreadProbeGrain>(peerKey).Where()).Within("both grains to activate");
        await Settled();

        var (call, sender) = SendFromOwnThread(() =>
        {
            using (CallerRunsScope.Open())
            {
                return grain.WhereWithPeer(peerKey);
            }
        });
        var sightings = await call.Within("the outer call and the peer's");

        Assert.Equal(sender, sightings[0].ThreadId);
        Assert.NotEqual(sender, sightings[1].ThreadId);
    }

    [Fact]
    public async Task InlineTurnsDoNotSeeTheSendersAsyncLocalsAndTheSenderGetsThemBack()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IThreadProbeGrain>("ambient-" + Guid.NewGuid());
        await grain.Where().Within("the grain to activate");
        await Settled();

        var ((call, afterScope), sender) = SendFromOwnThread(() =>
        {
            ThreadProbeGrain.Ambient.Value = "the sender's request";
            Task<TurnSighting> where;
            using (CallerRunsScope.Open())
            {
                where = grain.Where();
            }

            return (where, ThreadProbeGrain.Ambient.Value);
        });
        var sighting = await call.Within("the inline turn");

        Assert.Equal(sender, sighting.ThreadId);
        Assert.Null(sighting.Ambient);
        Assert.Equal("the sender's request", afterScope);
    }

    [Fact]
    public async Task AnAsyncLocalOneInlineTurnLeavesSetIsNotSeenByTheNextGrainRunThere()
    {
        await using var silo = await TestSilo.StartAsync();
        var (first, second) = (silo.Grain<IThreadProbeGrain>("leaves-" + Guid.NewGuid()), silo.Grain<IThreadProbeGrain>("next-" + Guid.NewGuid()));
        await Task.WhenAll(first.Where(), second.Where()).Within("both grains to activate");
        await Settled();

        var ((left, call), sender) = SendFromOwnThread(() =>
        {
            using (CallerRunsScope.Open())
            {
                return (first.LeaveAmbient("left by the first grain"), second.Where());
            }
        });
        await left.Within("the first inline turn");
        var sighting = await call.Within("the second inline turn");

        Assert.Equal(sender, sighting.ThreadId);
        Assert.Null(sighting.Ambient);
    }

    [Fact]
    public async Task ACallerReleasedInsideAnotherGrainsRunLoopCannotOpenAScopeThere()
    {
        await using var silo = await TestSilo.StartAsync();
        var busyKey = "busy-" + Guid.NewGuid();
        var busy = silo.Grain<IThreadProbeGrain>(busyKey);
        var idle = silo.Grain<IThreadProbeGrain>("idle-" + Guid.NewGuid());
        await Task.WhenAll(busy.Where(), idle.Where()).Within("both grains to activate");
        await Settled();
        var release = ThreadProbeGrain.Unblock.GetOrAdd(busyKey, _ => new ManualResetEventSlim());
        var blocked = ThreadProbeGrain.Blocked.GetOrAdd(busyKey, _ => new ManualResetEventSlim());

        // Thread B runs a turn of the busy grain inline and blocks in it; a call queued behind that turn then runs in
        // B's run loop, which releases its caller (awaiting without a context) there, on B, inside the loop.
        var blocker = new Thread(() =>
        {
            using (CallerRunsScope.Open())
            {
                _ = busy.BlockUntilReleased();
            }
        });
        blocker.Start();
        Assert.True(blocked.Wait(TimeSpan.FromSeconds(30)), "the blocking turn never started");
        var (sending, _) = SendFromOwnThread(() => SendAfter(busy.Where(), idle));
        release.Set();
        blocker.Join();
        var ranNested = await sending.Within("the released caller to send");

        Assert.False(ranNested, "a call sent from inside another grain's run loop ran its turn nested there");

        static async Task<bool> SendAfter(Task<TurnSighting> queued, IThreadProbeGrain idle)
        {
            var loopThread = (await queued.ConfigureAwait(false)).ThreadId;
            Task<TurnSighting> call;
            using (CallerRunsScope.Open())
            {
                call = idle.Where();
            }

            return Environment.CurrentManagedThreadId == loopThread && call.IsCompletedSuccessfully && call.Result.ThreadId == loopThread;
        }
    }

    [Fact]
    public async Task ManySendersInlineAndQueuedNeverRunTwoTurnsOfOneGrainAtOnce()
    {
        const int Senders = 4, CallsEach = 2_000;
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Grain<IThreadProbeGrain>("crowd-" + Guid.NewGuid());
        await grain.Where().Within("the grain to activate");
        await Settled();

        var inline = Enumerable.Range(0, Senders).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var calls = new List<Task<TallyReading>>(CallsEach);
                using (CallerRunsScope.Open())
                {
                    for (var i = 0; i < CallsEach; i++)
                    {
                        calls.Add(grain.Tally());
                    }
                }

                return Task.WhenAll(calls);
            },
            TaskCreationOptions.LongRunning).Unwrap());
        var queued = Task.Run(() => Task.WhenAll(Enumerable.Range(0, CallsEach).Select(_ => grain.Tally())));
        await Task.WhenAll(inline.Append(queued)).Within("every call to be counted");
        var final = await grain.Tally();

        Assert.False(final.OverlapSeen, "two turns of the grain ran at the same time");
        Assert.Equal(((Senders + 1) * CallsEach) + 1, final.Count);
    }

    /// <summary>
    /// Lets the activations' run loops wind down after the activating call: a loop stays claimed for a moment after
    /// releasing its caller (in case it calls again), and a call sent then is queued rather than run inline.
    /// </summary>
    private static Task Settled() => Task.Delay(50);

    private static (T Result, int SenderThread) SendFromOwnThread<T>(Func<T> send)
    {
        T result = default!;
        var senderThread = 0;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            senderThread = Environment.CurrentManagedThreadId;
            try
            {
                result = send();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return (result, senderThread);
    }
}
