using System.Globalization;
using Vigil.Runtime.StorageProbe;

return args switch
{
    ["write-once", var dbPath, var count] => await WriteOnce.RunAsync(dbPath, int.Parse(count, CultureInfo.InvariantCulture)),
    ["churn", var dbPath, var grains, var payloadBytes] => await Churn.RunAsync(dbPath, int.Parse(grains, CultureInfo.InvariantCulture), int.Parse(payloadBytes, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Vigil.Runtime.StorageProbe write-once <dbPath> <count>");
    Console.Error.WriteLine("       Vigil.Runtime.StorageProbe churn <dbPath> <grains> <payloadBytes>");
    return 64;
}
