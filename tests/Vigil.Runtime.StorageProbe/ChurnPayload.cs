using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vigil.Runtime.StorageProbe;

/// <summary>
/// A self-checking JSON payload: <c>{"generation":N,"grain":"g-7","fill":"N,N,N,...","sha256":"..."}</c>, where
/// sha256 is the hash of <c>generation|grain|fill</c>. Any torn or mixed write fails to parse or fails the hash.
/// </summary>
internal static class ChurnPayload
{
    public static byte[] Create(long generation, string grain, int payloadBytes)
    {
        var unit = generation.ToString(CultureInfo.InvariantCulture) + ",";
        var fill = new StringBuilder(payloadBytes + unit.Length);
        while (fill.Length < payloadBytes)
        {
            fill.Append(unit);
        }

        var fillText = fill.ToString(0, payloadBytes);
        return JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["generation"] = generation,
            ["grain"] = grain,
            ["fill"] = fillText,
            ["sha256"] = Hash(generation, grain, fillText),
        });
    }

    /// <summary>The generation of a payload written by <see cref="Create"/>; throws when it does not check out.</summary>
    public static long ReadGeneration(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var generation = root.GetProperty("generation").GetInt64();
        var expected = Hash(generation, root.GetProperty("grain").GetString()!, root.GetProperty("fill").GetString()!);
        return root.GetProperty("sha256").GetString() == expected
            ? generation
            : throw new InvalidDataException($"Payload of generation {generation} fails its hash.");
    }

    private static string Hash(long generation, string grain, string fill) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{generation.ToString(CultureInfo.InvariantCulture)}|{grain}|{fill}")));
}
