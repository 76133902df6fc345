namespace Vigil.Dashboard.Identity;

/// <summary>Body of <c>POST /auth/sign-in</c>.</summary>
public sealed record SignInRequest(string? UserName, string? Password);
