using Vigil.Runtime.Grains;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>
/// Wraps a <see cref="RecordingGrainFactory"/>: looking up the grain <c>failKey</c> throws, and looking up the grain
/// <c>blockKey</c> waits until <see cref="Unblock"/>, to hold one sender of a delivery while the other fails.
/// </summary>
public sealed class FailingAndBlockingGrainFactory(RecordingGrainFactory inner, string failKey, string blockKey) : IGrainFactory, IDisposable
{
    private readonly ManualResetEventSlim _unblocked = new();

    public void Unblock() => _unblocked.Set();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        if (key == failKey)
        {
            throw new InvalidOperationException($"No grain {key} (the test's failure).");
        }

        if (key == blockKey && !_unblocked.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"The test never unblocked the lookup of {key}.");
        }

        return inner.GetGrain<TGrainInterface>(key);
    }

    public void Dispose() => _unblocked.Dispose();
}
