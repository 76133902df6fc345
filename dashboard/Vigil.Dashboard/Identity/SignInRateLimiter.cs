namespace Vigil.Dashboard.Identity;

/// <summary>
/// Counts failed sign-ins per user name and per client address in a sliding window: after <see cref="MaxFailures"/>
/// failures within <see cref="Window"/> either key is refused until its oldest failure leaves the window. A success
/// clears only its own user name's failures, so guessing many names from one address stays limited.
/// </summary>
public sealed class SignInRateLimiter(TimeProvider time)
{
    public const int MaxFailures = 5;

    /// <summary>Beyond this many tracked keys, keys whose failures have all left the window are dropped.</summary>
    public const int PruneAbove = 10_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byAddress = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again, or null when a try is allowed now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var byName = WaitFor(_byName, userName, now);
            var byAddress = WaitFor(_byAddress, address, now);
            return byName is null ? byAddress : byAddress is null ? byName : TimeSpan.FromTicks(Math.Max(byName.Value.Ticks, byAddress.Value.Ticks));
        }
    }

    public void RecordFailure(string userName, string address)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Add(_byName, userName, now);
            Add(_byAddress, address, now);
        }
    }

    public void RecordSuccess(string userName)
    {
        lock (_gate)
        {
            _byName.Remove(userName);
        }
    }

    private static TimeSpan? WaitFor(Dictionary<string, Queue<DateTimeOffset>> failures, string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            return null;
        }

        Expire(times, now);
        if (times.Count < MaxFailures)
        {
            return null;
        }

        // The key is free again once enough failures have left the window to bring it under the limit.
        var freedAt = times.ElementAt(times.Count - MaxFailures) + Window;
        return freedAt - now;
    }

    private static void Add(Dictionary<string, Queue<DateTimeOffset>> failures, string key, DateTimeOffset now)
    {
        if (failures.Count > PruneAbove)
        {
            foreach (var (stale, _) in failures.Where(f => f.Value.All(t => t <= now - Window)).ToList())
            {
                failures.Remove(stale);
            }
        }

        if (!failures.TryGetValue(key, out var times))
        {
            failures[key] = times = new Queue<DateTimeOffset>();
        }

        Expire(times, now);
        times.Enqueue(now);
        while (times.Count > MaxFailures)
        {
            times.Dequeue();
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.TryPeek(out var oldest) && oldest <= now - Window)
        {
            times.Dequeue();
        }
    }
}
