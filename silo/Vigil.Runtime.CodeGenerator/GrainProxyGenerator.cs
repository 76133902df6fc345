using Microsoft.CodeAnalysis;
using Vigil.Runtime.CodeGenerator.Model;

namespace Vigil.Runtime.CodeGenerator;

/// <summary>
/// Generates, for every interface in the compilation that derives from IGrainWithStringKey, a request class per
/// method, a proxy deriving from GrainReference, and a module initializer registering both with
/// GrainInterfaceRegistry. Invalid grain interfaces get VGEN diagnostics (see <see cref="GrainDiagnostics"/>) instead.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainProxyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Grain interfaces carry no attribute to key on, so candidates are interfaces with a base list and the
        // semantic step keeps those deriving from IGrainWithStringKey. Its output holds no symbols, so it compares by
        // value and unchanged interfaces are not regenerated.
        var results = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => GrainInterfaceParser.IsCandidate(node),
                static (syntaxContext, cancellationToken) => GrainInterfaceParser.Parse(syntaxContext, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.GrainInterfaces);

        // Code and diagnostics flow separately: moving an interface in its file changes diagnostic locations but not
        // the model, and then the generated source stays cached.
        var models = results
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, GrainProxyEmitter.Emit(model)));

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .Where(static list => list.Count > 0);
        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}
