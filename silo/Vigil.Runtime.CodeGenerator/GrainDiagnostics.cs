using Microsoft.CodeAnalysis;

namespace Vigil.Runtime.CodeGenerator;

// RS2008 asks for AnalyzerReleases.*.md release tracking, which matters for analyzers shipped as packages; this
// generator ships only inside this repository.
#pragma warning disable RS2008

/// <summary>
/// Errors for grain interfaces the generator cannot turn into proxies. Each names the interface and the member, and
/// the interface gets no generated code until it is fixed (so the only errors are these, not broken generated code).
/// </summary>
public static class GrainDiagnostics
{
    private const string Category = "Vigil.CodeGeneration";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        id: "VGEN001",
        title: "Grain method has an unsupported return type",
        messageFormat: "Grain interface {0} method {1} returns {2}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Calls on a grain are asynchronous messages, so every grain method returns a task.");

    public static readonly DiagnosticDescriptor GenericMethod = new(
        id: "VGEN002",
        title: "Grain method is generic",
        messageFormat: "Grain interface {0} method {1} is generic; grain methods cannot have type parameters",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A request class is generated per grain method and the registry rebuilds it by name, which a generic method would not allow.");

    public static readonly DiagnosticDescriptor ByRefParameter = new(
        id: "VGEN003",
        title: "Grain method has a ref, out or in parameter",
        messageFormat: "Grain interface {0} method {1} takes parameter '{2}' by reference ({3}); grain method parameters must be passed by value",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Arguments travel in a request to the grain's activation, possibly in another process, so they cannot refer to the caller's variables.");

    public static readonly DiagnosticDescriptor PropertyOrEvent = new(
        id: "VGEN004",
        title: "Grain interface declares a property or an event",
        messageFormat: "Grain interface {0} declares {1} '{2}'; grain interfaces may only declare methods returning tasks",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Properties and events are synchronous, and every call on a grain is an asynchronous message.");

    public static readonly DiagnosticDescriptor OneWayWithResult = new(
        id: "VGEN005",
        title: "One-way grain method returns a value",
        messageFormat: "Grain interface {0} method {1} is [OneWay] but returns {2}; a one-way method must return Task or ValueTask",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The caller of a one-way method does not wait for the grain, so there is no result to give it.");

    public static readonly DiagnosticDescriptor UnsupportedInterface = new(
        id: "VGEN006",
        title: "Grain interface shape is not supported",
        messageFormat: "Grain interface {0} is {1}, which is not supported; declare grain interfaces as non-generic top-level interfaces",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Generated proxies and requests are top-level classes in the interface's namespace, registered by interface type.");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
        id: "VGEN007",
        title: "Grain method parameter type cannot be carried in a request",
        messageFormat: "Grain interface {0} method {1} parameter '{2}' has type {3}, which cannot be stored in a request; use an array or another heap type",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Arguments are stored in fields of a request object, which ref structs and pointers cannot be.");
}
