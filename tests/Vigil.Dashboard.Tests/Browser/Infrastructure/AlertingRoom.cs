namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>A live room the harness drove into an open alert: where it is and what it is about.</summary>
public sealed record AlertingRoom(string RoomId, string BroadcasterId, string Region, string Category, string Title);
