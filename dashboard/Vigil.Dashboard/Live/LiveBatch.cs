namespace Vigil.Dashboard.Live;

/// <summary>
/// The server's <c>batch</c> push: the items a connection may see since <see cref="After"/>, coalesced per subject.
/// A client whose last known sequence is not <see cref="After"/> missed something and calls <c>Resume</c>.
/// </summary>
public sealed record LiveBatch(long After, long Sequence, IReadOnlyList<LiveItem> Items);
