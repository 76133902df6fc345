using System.Collections.Concurrent;
using System.Reflection;
using Vigil.Grains.Contracts.Events;
using Vigil.Grains.Contracts.Gifters;
using Vigil.Runtime.Grains;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>
/// An <see cref="IGrainFactory"/> whose grains only record <c>Apply</c> calls and the gifter ledger's <c>Record</c>
/// calls (answered by <see cref="LedgerAnswer"/>, by default: every gift kept). The fakes are generated proxies, so
/// they keep compiling whatever else the grain interfaces grow; any other method throws. Until
/// <see cref="ReleaseCalls"/>, every call stays pending, which shows whether calls were made concurrently.
/// </summary>
public sealed class RecordingGrainFactory : IGrainFactory
{
    private readonly ConcurrentQueue<(string Grain, IReadOnlyList<LiveEvent> Events)> _calls = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingGrainFactory(bool holdCalls = false)
    {
        if (!holdCalls)
        {
            _release.SetResult();
        }
    }

    /// <summary>What the fake gifter ledger answers to a <c>Record</c> call with these gifts.</summary>
    public Func<IReadOnlyList<LiveEvent>, GiftRouting> LedgerAnswer { get; set; } = _ => GiftRouting.Kept;

    /// <summary>Each Apply or Record call as <c>"ILiveRoomGrain/room-1"</c> and the events it carried, in call order.</summary>
    public IReadOnlyList<(string Grain, IReadOnlyList<LiveEvent> Events)> Calls => [.. _calls];

    public void ReleaseCalls() => _release.TrySetResult();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Bind(this, $"{typeof(TGrainInterface).Name}/{key}");
        return proxy;
    }

    /// <summary>Stands in for one grain reference.</summary>
    public class GrainProxy : DispatchProxy
    {
        private RecordingGrainFactory? _owner;
        private string _grain = "";

        internal void Bind(RecordingGrainFactory owner, string grain) => (_owner, _grain) = (owner, grain);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name is not ("Apply" or "Record") || args?[0] is not IReadOnlyList<LiveEvent> events)
            {
                throw new NotSupportedException($"{_grain}: only Apply and Record are faked, not {targetMethod?.Name}.");
            }

            var owner = _owner!;
            owner._calls.Enqueue((_grain, events));
            return targetMethod.Name == "Record" ? AnswerAsync(owner, events) : owner._release.Task;
        }

        private static async Task<GiftRouting> AnswerAsync(RecordingGrainFactory owner, IReadOnlyList<LiveEvent> gifts)
        {
            await owner._release.Task;
            return owner.LedgerAnswer(gifts);
        }
    }
}
