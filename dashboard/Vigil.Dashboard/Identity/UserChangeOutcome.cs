namespace Vigil.Dashboard.Identity;

/// <summary>What an admin's change to a user came to.</summary>
internal enum UserChangeOutcome
{
    Created,
    Updated,
    Deleted,
    NotFound,
    WouldLeaveNoAdmin,
    NeedsPassword,
}
