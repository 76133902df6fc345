using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Vigil.Runtime.CodeGenerator.Model;

namespace Vigil.Runtime.CodeGenerator;

/// <summary>
/// Turns a grain interface declaration into an equatable <see cref="GrainInterfaceModel"/> plus diagnostics. This is
/// the only place that looks at symbols; nothing it returns holds one, so the incremental driver can cache the output.
/// </summary>
internal static class GrainInterfaceParser
{
    private const string GrainsNamespace = "Vigil.Runtime.Grains.";
    private const string OptionsType = "global::Vigil.Runtime.Invocation.GrainMethodOptions";

    /// <summary>Types in generated declarations: fully qualified, with nullable annotations.</summary>
    private static readonly SymbolDisplayFormat DeclarationFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Types inside <c>typeof</c>, which accepts neither nullable reference annotations nor tuple element names (nor dynamic, see <see cref="KnownTypes.WithoutDynamic"/>).</summary>
    private static readonly SymbolDisplayFormat TypeOfFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>Parameter types in the descriptor names of overloads, for example <c>Add(int, string)</c>.</summary>
    private static readonly SymbolDisplayFormat SignatureFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat NamespaceFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>Members of GrainReference and object that an implicitly implemented proxy method would hide.</summary>
    private static readonly HashSet<string> ProxyMemberNames = new(StringComparer.Ordinal)
    {
        "GrainId", "Sink", "CachedRoute", "SendRequest", "SendVoidRequest", "SendOneWay",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    public static bool IsCandidate(SyntaxNode node) => node is InterfaceDeclarationSyntax { BaseList: not null };

    public static GrainInterfaceResult? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        var types = KnownTypes.From(context.SemanticModel.Compilation);
        if (types is null
            || context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } grainInterface
            || !types.IsStringKeyGrainInterface(grainInterface)
            || !IsPrimaryDeclaration(grainInterface, declaration, cancellationToken))
        {
            return null;
        }

        var interfaceName = grainInterface.ToDisplayString();
        var unsupportedShape =
            grainInterface.ContainingType is not null ? "nested in a type"
            : grainInterface.IsGenericType ? "generic"
            : grainInterface.IsFileLocal ? "file-local"
            : null;
        if (unsupportedShape is not null)
        {
            var diagnostic = DiagnosticInfo.Create(GrainDiagnostics.UnsupportedInterface, declaration.Identifier.GetLocation(), interfaceName, unsupportedShape);
            return new GrainInterfaceResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
        }

        var diagnostics = new List<DiagnosticInfo>();
        var methods = CollectMethods(grainInterface, declaration, types, diagnostics, cancellationToken);
        var model = methods is null ? null : CreateModel(grainInterface, methods, types);
        return new GrainInterfaceResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>
    /// A partial interface is generated once, from its first declaration that has a base list (an interface without
    /// any base list cannot derive from IGrainWithStringKey, so one such declaration exists).
    /// </summary>
    private static bool IsPrimaryDeclaration(INamedTypeSymbol grainInterface, InterfaceDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in grainInterface.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax { BaseList: not null } primary)
            {
                return primary.SyntaxTree == declaration.SyntaxTree && primary.Span == declaration.Span;
            }
        }

        return false;
    }

    /// <summary>
    /// The interface's own methods in declaration order, then those of its base interfaces (except the grain markers)
    /// in <see cref="ITypeSymbol.AllInterfaces"/> order; null when any member is not a valid grain method.
    /// </summary>
    private static List<IMethodSymbol>? CollectMethods(
        INamedTypeSymbol grainInterface,
        InterfaceDeclarationSyntax declaration,
        KnownTypes types,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var interfaceName = grainInterface.ToDisplayString();
        var fallbackLocation = declaration.Identifier.GetLocation();
        var methods = new List<IMethodSymbol>();
        var valid = true;
        foreach (var source in new[] { grainInterface }.Concat(grainInterface.AllInterfaces))
        {
            if (types.IsMarker(source))
            {
                continue;
            }

            // A base interface that is itself a grain interface in this compilation reports its own members; reporting
            // them again for every derived interface would only repeat the same error at the same place.
            var report = SymbolEqualityComparer.Default.Equals(source, grainInterface) || !types.ReportsOwnDiagnostics(source);
            foreach (var member in source.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.IsStatic)
                {
                    continue;
                }

                var problems = new List<DiagnosticInfo>();
                var location = member.Locations.FirstOrDefault(l => l.IsInSource) ?? fallbackLocation;
                switch (member)
                {
                    case IPropertySymbol property:
                        problems.Add(DiagnosticInfo.Create(
                            GrainDiagnostics.PropertyOrEvent, location, interfaceName, property.IsIndexer ? "indexer" : "property", property.ToDisplayString()));
                        break;
                    case IEventSymbol:
                        problems.Add(DiagnosticInfo.Create(GrainDiagnostics.PropertyOrEvent, location, interfaceName, "event", member.ToDisplayString()));
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.IsAbstract || method.IsVirtual:
                        Validate(method, interfaceName, location, types, problems);
                        if (problems.Count == 0)
                        {
                            methods.Add(method);
                        }

                        break;
                }

                if (problems.Count > 0)
                {
                    valid = false;
                    if (report)
                    {
                        diagnostics.AddRange(problems);
                    }
                }
            }
        }

        return valid ? methods : null;
    }

    private static void Validate(IMethodSymbol method, string interfaceName, Location location, KnownTypes types, List<DiagnosticInfo> problems)
    {
        var returnKind = method.ReturnsByRef || method.ReturnsByRefReadonly ? null : types.ClassifyReturn(method.ReturnType);
        if (returnKind is null)
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.UnsupportedReturnType, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }
        else if (returnKind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT && HasAttribute(method, "OneWayAttribute"))
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.OneWayWithResult, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }

        if (method.IsGenericMethod)
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.GenericMethod, location, interfaceName, method.Name));
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? location;
            if (parameter.RefKind != RefKind.None)
            {
                problems.Add(DiagnosticInfo.Create(
                    GrainDiagnostics.ByRefParameter, parameterLocation, interfaceName, method.Name, parameter.Name, RefKindKeyword(parameter.RefKind)));
            }
            else if (parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                problems.Add(DiagnosticInfo.Create(
                    GrainDiagnostics.UnsupportedParameterType, parameterLocation, interfaceName, method.Name, parameter.Name, parameter.Type.ToDisplayString()));
            }
        }
    }

    private static string RefKindKeyword(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };

    private static GrainInterfaceModel CreateModel(INamedTypeSymbol grainInterface, List<IMethodSymbol> methods, KnownTypes types)
    {
        var ns = grainInterface.ContainingNamespace.IsGlobalNamespace ? null : grainInterface.ContainingNamespace.ToDisplayString(NamespaceFormat);
        var typePrefix = ns is null ? "global::" : "global::" + ns + ".";
        var stem = grainInterface.Name.Length > 1 && grainInterface.Name[0] == 'I' && char.IsUpper(grainInterface.Name[1])
            ? grainInterface.Name.Substring(1)
            : grainInterface.Name;
        var proxyName = stem + "Proxy";
        var registrationName = stem + "_Registration";
        var classNames = new HashSet<string>(StringComparer.Ordinal) { proxyName, registrationName };
        var descriptorNames = new HashSet<string>(StringComparer.Ordinal);
        var overloadCounts = new Dictionary<string, int>(StringComparer.Ordinal);

        // Two methods with one name and one parameter list (from different base interfaces) cannot both be implemented
        // implicitly; nor can a method named like a member of GrainReference or object, or like the proxy itself.
        var clashingSignatures = new HashSet<string>(
            methods.GroupBy(SignatureKey, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key),
            StringComparer.Ordinal);

        var models = new List<GrainMethodModel>();
        foreach (var method in methods)
        {
            overloadCounts.TryGetValue(method.Name, out var overload);
            overloadCounts[method.Name] = overload + 1;

            // Descriptor names are unique per interface so the registry can rebuild a request from (interface, method):
            // the first method of a name (own methods before inherited ones, each in declaration order) keeps the plain
            // name; later overloads append their parameter types, for example "Add(int, string)". A clash left after
            // that (types of one simple name from two namespaces) appends `2, `3, ...
            var descriptorName = overload == 0
                ? method.Name
                : method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SignatureFormat))) + ")";
            descriptorName = MakeUnique(descriptorName, string.Empty, "`", descriptorNames);
            var requestClassName = MakeUnique(stem + "_" + method.Name + (overload == 0 ? string.Empty : "_" + overload), "_Request", "_", classNames);

            var returnKind = types.ClassifyReturn(method.ReturnType)!.Value;
            var resultType = returnKind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT
                ? ((INamedTypeSymbol)method.ReturnType).TypeArguments[0].ToDisplayString(DeclarationFormat)
                : "object?";
            var parameters = method.Parameters.Select(p => new GrainParameterModel(
                EscapeIdentifier(p.Name),
                p.Type.ToDisplayString(DeclarationFormat),
                types.WithoutDynamic(p.Type).ToDisplayString(TypeOfFormat),
                p.IsParams,
                AllowsNull: p.NullableAnnotation == NullableAnnotation.Annotated || p.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T,
                IsReferenceType: p.Type.IsReferenceType));

            models.Add(new GrainMethodModel(
                Name: EscapeIdentifier(method.Name),
                DescriptorName: descriptorName,
                RequestClassName: requestClassName,
                DeclaringInterface: method.ContainingType.ToDisplayString(DeclarationFormat),
                ReturnKind: returnKind,
                ReturnType: method.ReturnType.ToDisplayString(DeclarationFormat),
                ResultType: resultType,
                Options: OptionsExpression(method),
                IsOneWay: HasAttribute(method, "OneWayAttribute"),
                ResponseTimeoutMilliseconds: ResponseTimeout(method),
                Parameters: new EquatableArray<GrainParameterModel>(parameters),
                ExplicitImplementation: clashingSignatures.Contains(SignatureKey(method)) || ProxyMemberNames.Contains(method.Name) || method.Name == proxyName));
        }

        return new GrainInterfaceModel(
            HintName: (ns is null ? string.Empty : ns.Replace("@", string.Empty) + ".") + grainInterface.Name + ".g.cs",
            Namespace: ns,
            TypePrefix: typePrefix,
            InterfaceType: grainInterface.ToDisplayString(DeclarationFormat),
            ProxyName: proxyName,
            RegistrationName: registrationName,
            Methods: new EquatableArray<GrainMethodModel>(models));
    }

    private static string SignatureKey(IMethodSymbol method) =>
        method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ")";

    private static string MakeUnique(string stem, string suffix, string separator, HashSet<string> taken)
    {
        var candidate = stem + suffix;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = stem + separator + n + suffix;
        }

        return candidate;
    }

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static bool HasAttribute(IMethodSymbol method, string attributeName) =>
        method.GetAttributes().Any(a => IsGrainsAttribute(a, attributeName));

    private static bool IsGrainsAttribute(AttributeData attribute, string attributeName) =>
        attribute.AttributeClass?.ToDisplayString() == GrainsNamespace + attributeName;

    private static string OptionsExpression(IMethodSymbol method)
    {
        var flags = new List<string>();
        if (HasAttribute(method, "ReadOnlyAttribute"))
        {
            flags.Add(OptionsType + ".ReadOnly");
        }

        if (HasAttribute(method, "OneWayAttribute"))
        {
            flags.Add(OptionsType + ".OneWay");
        }

        if (HasAttribute(method, "AlwaysInterleaveAttribute"))
        {
            flags.Add(OptionsType + ".AlwaysInterleave");
        }

        return flags.Count == 0 ? OptionsType + ".None" : string.Join(" | ", flags);
    }

    private static int ResponseTimeout(IMethodSymbol method)
    {
        var attribute = method.GetAttributes().FirstOrDefault(a => IsGrainsAttribute(a, "ResponseTimeoutAttribute"));
        return attribute is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is int milliseconds ? milliseconds : 0;
    }
}
