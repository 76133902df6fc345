using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    Compilation Output)
{
    public Diagnostic SingleDiagnostic(string id) => Assert.Single(Diagnostics, d => d.Id == id);

    /// <summary>Warnings and errors of the compilation including the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
