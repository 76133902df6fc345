using System.Runtime.CompilerServices;

namespace Vigil.Ingest.Parsing;

/// <summary>One <see cref="RawValue"/> per <see cref="EventField"/>, inline on the stack.</summary>
[InlineArray(EventFieldNames.Count)]
internal struct RawFields
{
    private RawValue _first;
}
