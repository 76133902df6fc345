using System.Globalization;
using System.Text;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.StorageProbe;

/// <summary>The records the probe writes; the tests compute the same ids and payloads independently to check them.</summary>
internal static class ProbeRecords
{
    public const string StateName = "state";

    public static GrainId GrainOf(int index) => new("probe", "g-" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The write-once payload of record <paramref name="index"/>: its number and a fill whose letter and length vary.</summary>
    public static byte[] KnownPayload(int index) =>
        Encoding.UTF8.GetBytes($"record {index.ToString(CultureInfo.InvariantCulture)}:" + new string((char)('a' + index % 26), index % 300));
}
