using System.Reflection;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Activation;

/// <summary>Every grain class the silo hosts, found in the configured assemblies, by interface and by type name.</summary>
internal sealed class GrainClassCatalog
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byTypeName = new(StringComparer.Ordinal);

    public GrainClassCatalog(IEnumerable<Assembly> assemblies, TimeSpan defaultIdleTimeout, Func<string?, IGrainStorage> storageResolver)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (!type.IsClass || type.IsAbstract || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var grainClass = new GrainClass(type, defaultIdleTimeout, storageResolver);
            if (!_byTypeName.TryAdd(grainClass.TypeName, grainClass))
            {
                throw new InvalidOperationException(
                    $"Grain classes {_byTypeName[grainClass.TypeName].ImplementationType.FullName} and {type.FullName} share the grain type name '{grainClass.TypeName}'; name one with [GrainType].");
            }

            foreach (var grainInterface in grainClass.Interfaces)
            {
                if (!_byInterface.TryAdd(grainInterface, grainClass))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {grainInterface.FullName} is implemented by both {_byInterface[grainInterface].ImplementationType.FullName} and {type.FullName}.");
                }
            }
        }
    }

    public IEnumerable<GrainClass> Classes => _byTypeName.Values;

    public GrainClass GetByInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new ArgumentException($"No grain class in the silo implements {grainInterface.FullName}; add its assembly with AddGrainAssembly.", nameof(grainInterface));

    public GrainClass GetByTypeName(string typeName) =>
        _byTypeName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new ArgumentException($"Unknown grain type '{typeName}'.", nameof(typeName));
}
