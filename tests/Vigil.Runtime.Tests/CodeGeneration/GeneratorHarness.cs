using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Vigil.Runtime.CodeGenerator;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>Runs <see cref="GrainProxyGenerator"/> on in-memory source against the real Vigil.Runtime assembly.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new GrainProxyGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its diagnostics, its sources, and the compilation with them added.</summary>
    public static GeneratorOutcome Run(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorOutcome(diagnostics, result.GeneratedSources, output);
    }

    /// <summary>The test host's assemblies (the framework and Vigil.Runtime), but not this test assembly and its sample grains.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var testAssembly = typeof(GeneratorHarness).Assembly.Location;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path != testAssembly)
            .Append(typeof(IGrain).Assembly.Location)
            .Distinct();
        return [.. paths.Select(path => MetadataReference.CreateFromFile(path))];
    }
}
