using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Vigil.Ingest.Http;

/// <summary>A request body read whole into a pooled array (the parser needs contiguous bytes); dispose to return it.</summary>
internal sealed class RequestBody : IDisposable
{
    private const int InitialChunk = 64 * 1024;

    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Reads the body; <c>null</c> as soon as it turns out longer than <paramref name="maxBytes"/> (the rest is not read).</summary>
    public static async Task<RequestBody?> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        // Kestrel's own limit (30 MB by default) must not answer first with its own message, nor be lower than ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        // One byte more than allowed is enough to know a body is too large; a declared length gets one byte more
        // than itself so the end of the body is seen without growing the buffer.
        var ceiling = maxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((context.Request.ContentLength ?? InitialChunk) + 1, ceiling));
        var length = 0;
        try
        {
            while (true)
            {
                var usable = (int)Math.Min(buffer.Length, ceiling);
                if (length == usable)
                {
                    if (length == ceiling)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, ceiling));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, usable - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new RequestBody(buffer, length);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
