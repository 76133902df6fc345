namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>What parsing one grain interface yields: code to generate (null when it has errors) and diagnostics.</summary>
internal sealed record GrainInterfaceResult(GrainInterfaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
