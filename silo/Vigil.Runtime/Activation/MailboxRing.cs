using Vigil.Runtime.Invocation;

namespace Vigil.Runtime.Activation;

/// <summary>
/// An activation's requests in arrival order: a prefix of running requests followed by pending ones. Keeping running
/// requests in the ring (instead of a separate list) lets the timeout sweep see every in-flight request of the
/// activation without extra memory per activation. Not thread-safe: the activation's lock guards it.
/// </summary>
internal struct MailboxRing
{
    private GrainRequest?[]? _items;
    private int _head;
    private int _count;
    private int _running;

    public readonly int Count => _count;

    public readonly int Running => _running;

    public readonly int Pending => _count - _running;

    public readonly GrainRequest? PeekPending() => _running < _count ? _items![(_head + _running) % _items.Length] : null;

    public void Enqueue(GrainRequest request)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![(_head + _count) % _items.Length] = request;
        _count++;
    }

    /// <summary>Adds <paramref name="request"/>, already running, to the running prefix (an inline turn that went async).</summary>
    public void AdoptRunning(GrainRequest request)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _head = (_head - 1 + _items!.Length) % _items.Length;
        _items[_head] = request;
        _count++;
        _running++;
    }

    /// <summary>Moves the first pending request into the running prefix.</summary>
    public void StartPending() => _running++;

    /// <summary>Drops the first pending request without running it (its caller already gave up).</summary>
    public void DropPending()
    {
        // Shift the running prefix one slot forward over the dropped request, then advance the head.
        var items = _items!;
        for (var i = _running; i > 0; i--)
        {
            items[(_head + i) % items.Length] = items[(_head + i - 1) % items.Length];
        }

        items[_head] = null;
        _head = (_head + 1) % items.Length;
        _count--;
    }

    /// <summary>Removes a finished running request; usually the head, out of order when calls interleave.</summary>
    public bool RemoveRunning(GrainRequest request)
    {
        var items = _items!;
        for (var i = 0; i < _running; i++)
        {
            if (!ReferenceEquals(items[(_head + i) % items.Length], request))
            {
                continue;
            }

            // Shift the running requests before it one slot forward, then advance the head.
            for (var j = i; j > 0; j--)
            {
                items[(_head + j) % items.Length] = items[(_head + j - 1) % items.Length];
            }

            items[_head] = null;
            _head = (_head + 1) % items.Length;
            _count--;
            _running--;
            return true;
        }

        return false;
    }

    /// <summary>Removes every pending request and returns them (running ones stay).</summary>
    public List<GrainRequest> TakeAllPending()
    {
        var taken = new List<GrainRequest>(Pending);
        while (_count > _running)
        {
            var index = (_head + _count - 1) % _items!.Length;
            taken.Add(_items[index]!);
            _items[index] = null;
            _count--;
        }

        taken.Reverse();
        return taken;
    }

    /// <summary>Whether any queued or running request counts as activity (timer ticks without keep-alive do not).</summary>
    public readonly bool HasActivity()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_items![(_head + i) % _items.Length]!.CountsAsActivity)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends to <paramref name="expired"/> every request whose deadline has passed.</summary>
    public readonly void CollectExpired(long now, ref List<GrainRequest>? expired)
    {
        for (var i = 0; i < _count; i++)
        {
            var request = _items![(_head + i) % _items.Length]!;
            if (request.DeadlineTimestamp <= now && !request.IsCompleted)
            {
                (expired ??= []).Add(request);
            }
        }
    }

    private void Grow()
    {
        var capacity = _items is null ? 4 : _items.Length * 2;
        var grown = new GrainRequest?[capacity];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _items![(_head + i) % _items.Length];
        }

        _items = grown;
        _head = 0;
    }
}
