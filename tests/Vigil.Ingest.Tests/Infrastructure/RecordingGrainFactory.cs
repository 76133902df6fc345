using System.Collections.Concurrent;
using System.Reflection;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>
/// An <see cref="IGrainFactory"/> whose grains only record <c>Apply</c> calls. The fakes are generated proxies, so
/// they keep compiling whatever else the grain interfaces grow; any other method throws. Until
/// <see cref="ReleaseCalls"/>, every <c>Apply</c> stays pending, which shows whether calls were made concurrently.
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

    /// <summary>Each Apply call as <c>"ILiveRoomGrain/room-1"</c> and the events it carried, in call order.</summary>
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
            if (targetMethod?.Name != "Apply" || args?[0] is not IReadOnlyList<LiveEvent> events)
            {
                throw new NotSupportedException($"{_grain}: only Apply is faked, not {targetMethod?.Name}.");
            }

            _owner!._calls.Enqueue((_grain, events));
            return _owner._release.Task;
        }
    }
}
