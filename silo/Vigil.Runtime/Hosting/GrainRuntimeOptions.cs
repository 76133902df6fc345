using System.Reflection;
using System.Text.Json;

namespace Vigil.Runtime.Hosting;

/// <summary>Settings of the grain runtime, bound from <c>Vigil:Runtime</c>.</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "Vigil:Runtime";

    /// <summary>How long an activation may stay idle before it is deactivated, unless its class says otherwise.</summary>
    public TimeSpan DefaultIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a caller waits for a response before getting a <c>GrainCallTimeoutException</c>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often calls are checked against their deadline.</summary>
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often dirty (write-behind) state is flushed to storage.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most states written in one storage batch (one SQLite transaction).</summary>
    public int MaxWriteBatchSize { get; set; } = 4096;

    /// <summary>Assemblies searched for grain classes; not bound from configuration.</summary>
    public List<Assembly> GrainAssemblies { get; } = [];

    /// <summary>How grain state is serialized when its type has no registered <see cref="Persistence.IStateCodec{TState}"/>; not bound from configuration.</summary>
    public JsonSerializerOptions StateSerializerOptions { get; set; } = new(JsonSerializerDefaults.General);
}
