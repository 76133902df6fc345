using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Sqlite;

/// <summary>Registers SQLite as the silo's grain storage.</summary>
public static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>Stores grain state in one SQLite file (created with its folder on first use).</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        services.TryAddSingleton<IGrainStorage>(sp => new SqliteGrainStorage(
            new SqliteGrainStorageOptions { FilePath = filePath },
            sp.GetService<TimeProvider>()));
        return services;
    }
}
