namespace Vigil.Testing.Silo;

/// <summary>A data folder for one test, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vigil-silo-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still hold a file for a moment; the OS temp cleaner takes it later.
        }
    }
}
