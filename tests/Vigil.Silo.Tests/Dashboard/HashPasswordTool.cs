using System.Diagnostics;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary>Runs <c>Vigil.Silo hash-password</c> as an operator would, with the password on standard input.</summary>
internal static class HashPasswordTool
{
    public static async Task<(int ExitCode, string Output, string Error)> Run(string password)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        start.ArgumentList.Add("hash-password");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }

    private static string SiloAssembly()
    {
        // tests/Vigil.Silo.Tests/bin/<Configuration>/net10.0/ -> silo/Vigil.Silo/bin/<Configuration>/net10.0/Vigil.Silo.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "silo", "Vigil.Silo", "bin", here.Parent!.Name, here.Name, "Vigil.Silo.dll");
    }
}
