using Vigil.Grains.Contracts.Events;

namespace Vigil.Grains.Policy;

/// <summary>A policy keyword found in a chat line: its category, the keyword as the policy lists it, and the list's language.</summary>
public readonly record struct KeywordHit(Category Category, string Keyword, string Language);
