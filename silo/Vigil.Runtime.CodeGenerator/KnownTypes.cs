using System.Linq;
using Microsoft.CodeAnalysis;
using Vigil.Runtime.CodeGenerator.Model;

namespace Vigil.Runtime.CodeGenerator;

/// <summary>The symbols of one compilation that grain interface parsing compares against.</summary>
internal sealed class KnownTypes
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _grain;
    private readonly INamedTypeSymbol _grainWithStringKey;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _valueTaskOfT;

    private KnownTypes(Compilation compilation, INamedTypeSymbol grain, INamedTypeSymbol grainWithStringKey)
    {
        _compilation = compilation;
        _grain = grain;
        _grainWithStringKey = grainWithStringKey;
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    /// <summary>Null when the compilation does not reference Vigil.Runtime: then it has no grain interfaces.</summary>
    public static KnownTypes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Vigil.Runtime.Grains.IGrain") is { } grain
        && compilation.GetTypeByMetadataName("Vigil.Runtime.Grains.IGrainWithStringKey") is { } grainWithStringKey
            ? new KnownTypes(compilation, grain, grainWithStringKey)
            : null;

    public bool IsStringKeyGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && type.AllInterfaces.Contains(_grainWithStringKey, SymbolEqualityComparer.Default);

    /// <summary>IGrain and IGrainWithStringKey only mark grain interfaces; their members are not grain methods.</summary>
    public bool IsMarker(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type, _grain) || SymbolEqualityComparer.Default.Equals(type, _grainWithStringKey);

    /// <summary>Whether the generator parses <paramref name="type"/> on its own and so reports its members' errors there.</summary>
    public bool ReportsOwnDiagnostics(INamedTypeSymbol type) =>
        type.Locations.Any(l => l.IsInSource) && IsStringKeyGrainInterface(type);

    public GrainReturnKind? ClassifyReturn(ITypeSymbol returnType)
    {
        if (returnType is not INamedTypeSymbol named)
        {
            return null;
        }

        var definition = named.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(named, _task) ? GrainReturnKind.Task
            : SymbolEqualityComparer.Default.Equals(named, _valueTask) ? GrainReturnKind.ValueTask
            : SymbolEqualityComparer.Default.Equals(definition, _taskOfT) ? GrainReturnKind.TaskOfT
            : SymbolEqualityComparer.Default.Equals(definition, _valueTaskOfT) ? GrainReturnKind.ValueTaskOfT
            : null;
    }

    /// <summary>The type with <c>dynamic</c> replaced by <c>object</c> (which is what it is at run time), for <c>typeof</c>.</summary>
    public ITypeSymbol WithoutDynamic(ITypeSymbol type) => type switch
    {
        IDynamicTypeSymbol => _compilation.GetSpecialType(SpecialType.System_Object),
        IArrayTypeSymbol array => _compilation.CreateArrayTypeSymbol(WithoutDynamic(array.ElementType), array.Rank),
        INamedTypeSymbol { IsGenericType: true } named => named.OriginalDefinition.Construct(named.TypeArguments.Select(WithoutDynamic).ToArray()),
        _ => type,
    };
}
