using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Tests.Runtime;

public sealed class PooledPayloadWriterTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(0, 100_000)]
    [InlineData(4096, 3_000_000)]
    [InlineData(3_000_000, 3_000_000)]
    public void WhatIsWrittenInPiecesComesOutWholeHoweverTheArrayGrew(int sizeHint, int length)
    {
        var expected = Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();
        var writer = new PooledPayloadWriter(sizeHint);

        for (var at = 0; at < length;)
        {
            var piece = Math.Min(length - at, 1 + (at % 7_919));
            var span = writer.GetSpan(piece);
            expected.AsSpan(at, piece).CopyTo(span);
            writer.Advance(piece);
            at += piece;
        }

        var payload = writer.Detach(out var rented);

        Assert.Equal(expected, payload.ToArray());
        Assert.Same(rented, System.Runtime.InteropServices.MemoryMarshal.TryGetArray(payload, out var segment) ? segment.Array : null);
        SnapshotPayloads.Return(rented);
    }

    [Fact]
    public void AdvancingPastTheBufferIsRefused()
    {
        var writer = new PooledPayloadWriter(0);
        var room = writer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => writer.Advance(room + 1));
        writer.Abandon();
    }
}
