namespace Vigil.Runtime.Tests.Storage;

/// <summary>A fresh directory under the system temp folder for one test class, deleted with its contents afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        FullPath = Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    /// <summary>The path of <paramref name="relativePath"/> inside this directory; nothing is created.</summary>
    public string PathOf(string relativePath) => Path.Combine(FullPath, relativePath);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
