using System.Globalization;

namespace Vigil.Benchmarks.Infrastructure;

/// <summary>
/// CPU time used by a process (user + system), from <c>/proc/&lt;pid&gt;/stat</c>. On a machine shared with other work,
/// events per CPU-second stay comparable between runs when events per wall second do not.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The child process of this one whose command line contains <paramref name="marker"/>, or null.</summary>
    public static int? FindChild(string marker)
    {
        foreach (var task in Directory.Exists("/proc/self/task") ? Directory.GetDirectories("/proc/self/task") : [])
        {
            var children = Path.Combine(task, "children");
            if (!File.Exists(children))
            {
                continue;
            }

            foreach (var pid in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var commandLine = Path.Combine("/proc", pid, "cmdline");
                if (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(marker, StringComparison.Ordinal))
                {
                    return int.Parse(pid, CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    /// <summary>Seconds of CPU the process has used, or NaN when it cannot be read.</summary>
    public static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
