namespace Vigil.Dashboard.Identity;

/// <summary>Body of <c>PUT /auth/me/language</c>.</summary>
public sealed record LanguageRequest(string? Language);
