using System.Text.Json;

namespace Vigil.Ingest.Parsing;

/// <summary>
/// Where a known field's value sits in the event's bytes. Values are located in one pass and decoded only once the
/// event's type says which fields it uses, so fields another type would need cost nothing and are never allocated.
/// </summary>
internal readonly struct RawValue(JsonTokenType token, int start, int length, bool escaped)
{
    /// <summary><see cref="JsonTokenType.None"/> when the field is absent; containers are recorded as their start token.</summary>
    public JsonTokenType Token { get; } = token;

    /// <summary>First byte of the value; for strings, the byte after the opening quote.</summary>
    public int Start { get; } = start;

    public int Length { get; } = length;

    public bool Escaped { get; } = escaped;

    /// <summary>Absent and JSON <c>null</c> read the same: a producer that serializes nulls means "not set".</summary>
    public bool IsMissing => Token is JsonTokenType.None or JsonTokenType.Null;
}
