namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>One parameter of a grain method, with its type spelled for declarations and for <c>typeof</c>.</summary>
/// <param name="Name">The parameter name, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="Type">Fully qualified type with nullable annotations, for fields, parameters and casts.</param>
/// <param name="TypeOfType">Fully qualified type without nullable reference annotations, which <c>typeof</c> rejects.</param>
/// <param name="IsParams">Whether the parameter is declared <c>params</c>.</param>
/// <param name="AllowsNull">Whether null is a valid value (a nullable reference or value type): then the generated field
/// needs no initializer and the cast from <c>object?</c> no null-forgiving operator.</param>
/// <param name="IsReferenceType">Whether the type is a reference type (a non-nullable one needs <c>= default!</c> on its field).</param>
internal sealed record GrainParameterModel(string Name, string Type, string TypeOfType, bool IsParams, bool AllowsNull, bool IsReferenceType);
