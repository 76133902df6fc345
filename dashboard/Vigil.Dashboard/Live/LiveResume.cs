namespace Vigil.Dashboard.Live;

/// <summary>The answer to <c>Resume</c>: the missed items when the server still holds them all, else a fresh snapshot.</summary>
public sealed record LiveResume(long Sequence, IReadOnlyList<LiveItem>? Items, LiveSnapshot? Snapshot);
