using System.Globalization;

namespace Vigil.Runtime.Persistence;

/// <summary>
/// One named state of one activation. Dirty tracking uses two version counters instead of a flag so that a change
/// made while a snapshot of the previous change is being written is never mistaken for clean: the state is dirty
/// while <c>_version != _flushedVersion</c>, and whichever side moves a counter last re-queues the owner.
/// Payloads are written and read in the state type's <see cref="StateFormat{TState}"/> (its codec, or JSON).
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IStateSlot where TState : new()
{
    private readonly IDirtyStateOwner _owner;
    private readonly IGrainStorage _storage;
    private readonly StateFormat<TState> _format;
    private int _version;
    private int _flushedVersion;
    // The length of the last snapshot's payload, to size the next one's buffer.
    private int _lastPayloadLength;
    // The writer's group carrying this state's snapshot, 0 when none is in flight: a number rather than the group's
    // task, and the etag as a number when it is one, so a write hands this old object no young reference (see FlushSlice).
    private long _inFlightSequence;
    private string? _etag;
    private long _etagNumber = -1;

    public PersistentState(IDirtyStateOwner owner, string stateName, IGrainStorage storage, StateFormat<TState> format)
    {
        _owner = owner;
        StateName = stateName;
        _storage = storage;
        _format = format;
        State = new TState();
    }

    public string StateName { get; }

    public TState State { get; set; }

    public string? Etag => Volatile.Read(ref _etag) ?? (Volatile.Read(ref _etagNumber) is >= 0 and var number ? number.ToString(CultureInfo.InvariantCulture) : null);

    public bool RecordExists { get; private set; }

    public bool IsDirty => Volatile.Read(ref _version) != Volatile.Read(ref _flushedVersion);

    public async Task ReadStateAsync()
    {
        await WaitForInFlightWrite();
        var stored = await _storage.ReadAsync(_owner.GrainId, StateName);
        if (stored is null)
        {
            State = new TState();
            SetEtag(null);
            RecordExists = false;
        }
        else
        {
            State = Decode(stored.Payload);
            SetEtag(stored.Etag);
            RecordExists = true;
        }

        MarkFlushed(Volatile.Read(ref _version));
    }

    public async Task WriteStateAsync()
    {
        await WaitForInFlightWrite();
        var version = Volatile.Read(ref _version);
        var payload = _format.Serialize(State);
        var etag = await _storage.WriteAsync(_owner.GrainId, StateName, payload, Etag);
        SetEtag(etag);
        RecordExists = true;
        MarkFlushed(version);
    }

    public async Task ClearStateAsync()
    {
        await WaitForInFlightWrite();
        var version = Volatile.Read(ref _version);
        await _storage.ClearAsync(_owner.GrainId, StateName, Etag);
        State = new TState();
        SetEtag(null);
        RecordExists = false;
        MarkFlushed(version);
    }

    public void MarkDirty()
    {
        var version = Interlocked.Increment(ref _version);
        if (version - 1 == Volatile.Read(ref _flushedVersion))
        {
            _owner.NotifyDirty();
        }
    }

    public PendingStateWrite? TakeSnapshot()
    {
        if (!IsDirty || Volatile.Read(ref _inFlightSequence) != 0)
        {
            return null;
        }

        var version = Volatile.Read(ref _version);
        var payload = _format.SerializeForWrite(State, _lastPayloadLength, out var rented);
        _lastPayloadLength = payload.Length;
        return new PendingStateWrite(this, version, new StateWrite(_owner.GrainId, StateName, payload, Etag), rented);
    }

    public void SetInFlight(long sequence) => Volatile.Write(ref _inFlightSequence, sequence);

    public Task InFlightWrite => WaitForInFlightWrite();

    public void OnWritten(int version, string etag)
    {
        SetEtag(etag);
        RecordExists = true;
        Volatile.Write(ref _inFlightSequence, 0);
        MarkFlushed(version);
    }

    public void OnWriteFailed()
    {
        Volatile.Write(ref _inFlightSequence, 0);
        _owner.NotifyDirty();
    }

    /// <summary>
    /// Reads a stored payload, or says which grain's which state could not be read and why: the activation fails with
    /// this as its cause (and the next call tries again), whatever the format.
    /// </summary>
    private TState Decode(byte[] payload)
    {
        try
        {
            return _format.Deserialize(payload);
        }
        catch (Exception exception)
        {
            throw new GrainStorageException(
                $"The stored state '{StateName}' of grain {_owner.GrainId} could not be read as {_format.Describe(payload)}: {exception.Message}", exception);
        }
    }

    private void MarkFlushed(int version)
    {
        Interlocked.Exchange(ref _flushedVersion, version);
        if (Volatile.Read(ref _version) != version)
        {
            _owner.NotifyDirty();
        }
    }

    private Task WaitForInFlightWrite() => Volatile.Read(ref _inFlightSequence) is not 0 and var sequence ? _owner.WhenWritten(sequence) : Task.CompletedTask;

    /// <summary>Keeps a canonical decimal etag (SQLite's) as a number, anything else as the string it is.</summary>
    private void SetEtag(string? etag)
    {
        if (etag is { Length: > 0 and <= 18 } && (etag[0] != '0' || etag.Length == 1)
            && long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            Volatile.Write(ref _etagNumber, number);
            Volatile.Write(ref _etag, null);
        }
        else
        {
            Volatile.Write(ref _etag, etag);
            Volatile.Write(ref _etagNumber, -1);
        }
    }
}
