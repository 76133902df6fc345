using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Ingest.Tests.Infrastructure;

/// <summary>A body sent in chunks without Content-Length, so the server learns its size only by reading it.</summary>
public sealed class StreamedContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly byte[] _data;

    public StreamedContent(byte[] data, string contentType = "application/x-ndjson")
    {
        _data = data;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _data.Length; offset += ChunkSize)
        {
            await stream.WriteAsync(_data.AsMemory(offset, Math.Min(ChunkSize, _data.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
