namespace Vigil.Grains.Policy;

/// <summary>Where the policy file is and how it is watched; bound from <c>Vigil:Policy</c>.</summary>
public sealed class PolicyFileWatcherOptions
{
    public const string SectionName = "Vigil:Policy";

    /// <summary>The policy file; the host defaults it to <see cref="DefaultPath"/>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How often the file is read even without a file-system event (events are a hint; some mounts send none).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the content must stay the same before it is applied, so a half-written file is never read as the policy.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether to react to FileSystemWatcher events as well as polling; unset, the watcher is used unless the host
    /// decides otherwise (the silo turns it off when the policy shares its folder with the busy grain-state database).
    /// </summary>
    public bool? UseFileSystemWatcher { get; set; }

    /// <summary>Where the policy file lives when <c>Vigil:Policy:Path</c> is not set: <c>&lt;Vigil:DataPath&gt;/policy.json</c>.</summary>
    public static string DefaultPath(string dataPath) => System.IO.Path.Combine(dataPath, "policy.json");

    /// <summary>Every problem with these options, each naming the key and the bad value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add($"{SectionName}:Path must name the policy file, such as ./data/policy.json (was '{Path}').");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{SectionName}:PollInterval must be between 00:00:00.1 and 01:00:00 (was '{PollInterval}').");
        }

        if (Debounce < TimeSpan.Zero || Debounce > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{SectionName}:Debounce must be between 00:00:00 and 00:01:00 (was '{Debounce}').");
        }

        return errors;
    }
}
