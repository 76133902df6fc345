namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>One grain method as the emitter needs it: names, shapes and attributes, no symbols.</summary>
/// <param name="Name">The method name as written in C# (escaped when it is a keyword).</param>
/// <param name="DescriptorName">The method name in the descriptor and the registry; unique within the interface.</param>
/// <param name="RequestClassName">The generated request class's simple name, unique within the namespace.</param>
/// <param name="DeclaringInterface">Fully qualified interface that declares the method (a base interface for inherited ones).</param>
/// <param name="ReturnType">Fully qualified return type as declared, for the proxy method.</param>
/// <param name="ResultType">The T of Task&lt;T&gt; / ValueTask&lt;T&gt;, or <c>object?</c> for the non-generic shapes.</param>
/// <param name="Options">The <c>GrainMethodOptions</c> flags as a C# expression.</param>
/// <param name="ExplicitImplementation">Whether the proxy implements the method explicitly, to avoid a clash of names.</param>
internal sealed record GrainMethodModel(
    string Name,
    string DescriptorName,
    string RequestClassName,
    string DeclaringInterface,
    GrainReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    string Options,
    bool IsOneWay,
    int ResponseTimeoutMilliseconds,
    EquatableArray<GrainParameterModel> Parameters,
    bool ExplicitImplementation);
