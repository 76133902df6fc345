using Vigil.Grains.Contracts.Alerts;

namespace Vigil.Grains.Alerts;

/// <summary>
/// An alert record's JSON as <see cref="AlertCenterStateCodec"/> last wrote it, with what it was written from: the
/// snapshot (immutable, replaced on every change), the audit list and its length (entries are only appended) and the
/// SLA flag. While all of them still match, the record has not changed and its JSON is reused.
/// </summary>
internal readonly record struct AlertRecordEncoding(byte[] Json, AlertSnapshot Snapshot, List<AuditEntry> Audit, int AuditCount, bool SlaEscalated)
{
    public static AlertRecordEncoding Of(AlertRecord record, byte[] json) =>
        new(json, record.Snapshot, record.Audit, record.Audit.Count, record.SlaEscalated);

    public bool Matches(AlertRecord record) =>
        ReferenceEquals(Snapshot, record.Snapshot) && ReferenceEquals(Audit, record.Audit) && AuditCount == record.Audit.Count
        && SlaEscalated == record.SlaEscalated;
}
