using System.Text;
using Vigil.Ingest.Deduplication;

namespace Vigil.Ingest.Tests.Deduplication;

public sealed class IdHashTests
{
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0UL, 0xFBCEA83C8A378BF1UL)]
    public void XxHash64MatchesTheReferenceVectors(string text, ulong seed, ulong expected) =>
        Assert.Equal(expected, IdHash.XxHash64(Encoding.ASCII.GetBytes(text), seed));

    [Fact]
    public void HashOfAnIdIsStableWithinTheProcessAndNeverZero()
    {
        Assert.Equal(IdHash.Of("evt-1"), IdHash.Of("evt-1"));
        Assert.NotEqual(IdHash.Of("evt-1"), IdHash.Of("evt-2"));
        Assert.NotEqual(0UL, IdHash.Of(""));
    }
}
