namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>Everything the emitter writes for one grain interface.</summary>
/// <param name="HintName">The generated file's name, unique in the compilation.</param>
/// <param name="Namespace">The interface's namespace, or null for the global namespace.</param>
/// <param name="TypePrefix">What qualifies a generated type's name: <c>global::</c> plus the namespace and a dot.</param>
/// <param name="InterfaceType">The fully qualified interface, with <c>global::</c>.</param>
/// <param name="ProxyName">The proxy class name, for example <c>CounterGrainProxy</c>.</param>
/// <param name="RegistrationName">The class holding the module initializer.</param>
internal sealed record GrainInterfaceModel(
    string HintName,
    string? Namespace,
    string TypePrefix,
    string InterfaceType,
    string ProxyName,
    string RegistrationName,
    EquatableArray<GrainMethodModel> Methods);
