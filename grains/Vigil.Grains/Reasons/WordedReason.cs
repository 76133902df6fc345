using Vigil.Grains.Contracts.Reasons;

namespace Vigil.Grains.Reasons;

/// <summary>One reason both ways: the English <see cref="Text"/> the API has always carried and its <see cref="Detail"/>.</summary>
public readonly record struct WordedReason(string Text, ReasonDetail Detail);
