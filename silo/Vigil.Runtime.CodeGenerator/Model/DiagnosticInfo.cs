using Microsoft.CodeAnalysis;

namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>
/// A diagnostic to report, with equatable message arguments. It keeps the real source <see cref="Location"/> (so the
/// error sits in the tree: squiggles and #pragma work); that only costs caching of the diagnostics step, whose location
/// equals the previous one exactly when the file is unchanged, while generated code flows through location-free models.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[MessageArguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = MessageArguments[i];
        }

        return Diagnostic.Create(Descriptor, Location, arguments);
    }
}
