using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vigil.Dashboard.Identity;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Alerts;
using Vigil.Grains.Contracts.Incidents;

namespace Vigil.Dashboard.Live;

/// <summary>
/// <c>/hubs/live</c>: a signed-in person's live view. <c>Snapshot</c> or <c>Resume</c> give a starting sequence, then
/// the server pushes <c>batch</c> messages (<see cref="LiveBatch"/>); the action methods act on alerts, nudges and
/// incidents. The rules live in <see cref="LiveSync"/> and <see cref="LiveActions"/>; this class only wires them to the
/// connection.
/// </summary>
[Authorize(Roles = AnyRole)]
public sealed class LiveHub(LiveSequencer sequencer, LiveSync sync, LiveActions actions, IHubContext<LiveHub> hub) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>The client method that receives a <see cref="LiveBatch"/>.</summary>
    public const string BatchMethod = "batch";

    private const string AnyRole = Roles.Operator + "," + Roles.Advisor + "," + Roles.Commander + "," + Roles.Qa + "," + Roles.Admin;

    public override Task OnConnectedAsync()
    {
        var client = hub.Clients.Client(Context.ConnectionId);
        sequencer.Connect(Context.ConnectionId, LiveAudience.Of(Context.User!), batch => client.SendAsync(BatchMethod, batch));
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sequencer.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<LiveSnapshot> Snapshot() => sync.Snapshot(Connection());

    public Task<LiveResume> Resume(long afterSequence) => sync.Resume(Connection(), afterSequence);

    public Task<AlertSnapshot> ActOnAlert(string alertId, string action, string? note, string? assignee) =>
        actions.ActOnAlert(Context.User!, alertId, action, note, assignee);

    public Task<Nudge> ActOnNudge(string nudgeId, string advisorId, string action, DateTimeOffset? snoozeUntil) =>
        actions.ActOnNudge(Context.User!, nudgeId, advisorId, action, snoozeUntil);

    public Task<AdvisorNote> AddNudgeNote(string nudgeId, string advisorId, string text, DateTimeOffset? dueAt) =>
        actions.AddNudgeNote(Context.User!, nudgeId, advisorId, text, dueAt);

    public Task<IncidentSnapshot> DeclareIncident(LiveIncidentDeclaration declaration) => actions.DeclareIncident(Context.User!, declaration);

    public Task<IncidentSnapshot> SetIncidentStatus(string incidentId, string status, string? note) =>
        actions.SetIncidentStatus(Context.User!, incidentId, status, note);

    public Task<IncidentSnapshot> AddIncidentNote(string incidentId, string text) => actions.AddIncidentNote(Context.User!, incidentId, text);

    private LiveConnection Connection() =>
        sequencer.Find(Context.ConnectionId) ?? throw new HubException("not connected: reconnect and call Snapshot.");
}
