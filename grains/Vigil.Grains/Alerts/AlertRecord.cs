using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Alerts;

/// <summary>An alert with its audit trail and whether its SLA has already escalated it.</summary>
public sealed class AlertRecord
{
    public required AlertSnapshot Snapshot { get; set; }

    public List<AuditEntry> Audit { get; set; } = [];

    public bool SlaEscalated { get; set; }

    /// <summary>The record's JSON as the state codec last wrote it (not itself stored).</summary>
    internal AlertRecordEncoding? Encoding { get; set; }
}
