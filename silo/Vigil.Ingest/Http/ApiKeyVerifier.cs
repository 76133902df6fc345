using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Vigil.Ingest.Configuration;

namespace Vigil.Ingest.Http;

/// <summary>
/// Checks <c>X-Api-Key</c> in constant time: the presented key and every configured key are compared as SHA-256
/// digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, all of them every time, so neither the
/// position of a mismatch nor a key's length shows in the response time.
/// </summary>
internal sealed class ApiKeyVerifier(IOptions<IngestOptions> options)
{
    private readonly byte[][] _digests = [.. options.Value.ApiKeys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];

    public bool IsValid(StringValues presented)
    {
        if (presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented[0]!), digest);
        var match = false;
        foreach (var expected in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, expected);
        }

        return match;
    }
}
