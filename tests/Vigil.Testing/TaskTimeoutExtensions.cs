namespace Vigil.Testing;

/// <summary>Waits on a signal with a generous real-time limit whose failure says what was awaited.</summary>
public static class TaskTimeoutExtensions
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<T> Within<T>(this Task<T> task, string awaited)
    {
        try
        {
            return await task.WaitAsync(Limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds:0}s waiting for {awaited}.");
        }
    }

    public static async Task Within(this Task task, string awaited)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Limit.TotalSeconds:0}s waiting for {awaited}.");
        }
    }

    public static Task<T> Within<T>(this ValueTask<T> task, string awaited) => task.AsTask().Within(awaited);

    public static Task Within(this ValueTask task, string awaited) => task.AsTask().Within(awaited);
}
