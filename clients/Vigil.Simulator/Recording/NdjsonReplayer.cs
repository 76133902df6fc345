using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Vigil.Simulator.Sending;
using Vigil.Simulator.Targets;

namespace Vigil.Simulator.Recording;

/// <summary>
/// Sends a recorded NDJSON file again, each line byte for byte (ids included, so a second replay into the same silo
/// comes back as duplicates), at a given rate. Blank lines are skipped and a <c>\r</c> before the newline is dropped.
/// </summary>
public static class NdjsonReplayer
{
    private const int ReadSize = 1 << 16;

    public static async Task<SimulatorReport> ReplayAsync(
        Stream input, IEventTarget target, ReplayOptions options, TimeProvider timeProvider, CancellationToken cancellationToken, IProgress<SimulatorReport>? progress = null)
    {
        var sender = new BatchSender(target, options.BatchSize, options.Linger, options.Rate, timeProvider, progress);
        var cancelled = false;
        try
        {
            await foreach (var line in ReadLinesAsync(input, cancellationToken).ConfigureAwait(false))
            {
                var ts = TryReadTimestamp(line);
                if (ts is { } eventTime)
                {
                    // Never hand the receiver an event more than MaxLead ahead of its clock; wait for its time instead.
                    await sender.WaitUntilAsync(eventTime - options.MaxLead, cancellationToken).ConfigureAwait(false);
                }

                await sender.AddAsync(line, ts, cancellationToken).ConfigureAwait(false);
            }

            await sender.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            await sender.FlushOnCancelAsync().ConfigureAwait(false);
        }

        return sender.Snapshot(cancelled);
    }

    /// <summary>The lines of an NDJSON stream as raw bytes (no decoding, so nothing is altered).</summary>
    public static async IAsyncEnumerable<byte[]> ReadLinesAsync(Stream input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: grow it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await input.ReadAsync(buffer.AsMemory(filled, Math.Min(ReadSize, buffer.Length - filled)), cancellationToken).ConfigureAwait(false);
                filled += read;
                var start = 0;
                while (true)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    var line = Trim(buffer.AsSpan(start, newline));
                    start += newline + 1;
                    if (!line.IsEmpty)
                    {
                        yield return line.ToArray();
                    }
                }

                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                if (read == 0)
                {
                    var last = Trim(buffer.AsSpan(0, filled));
                    if (!last.IsEmpty)
                    {
                        yield return last.ToArray();
                    }

                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The top-level <c>ts</c> of a JSON line, or null when it has none or is not JSON (the receiver will say why).</summary>
    internal static DateTimeOffset? TryReadTimestamp(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTs = reader.ValueTextEquals("ts"u8);
                reader.Read();
                if (isTs && reader.TokenType == JsonTokenType.String)
                {
                    return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts) ? ts : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: sent as it is; the receiver rejects the line with a reason.
        }

        return null;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
