namespace Vigil.Dashboard.Identity;

/// <summary>Body of <c>PUT /api/admin/users/{userName}</c>: creates or replaces a user; the password is kept when omitted.</summary>
public sealed record UserUpdateRequest(
    string? DisplayName,
    string? Password,
    List<string>? Roles,
    List<string>? Regions,
    string? AdvisorId,
    string? Language);
