namespace PiiExtProc.Scanning.Batch;

/// <summary>One data row of a Guardian CSV: the record id and the JSON text, both as read (unquoted).</summary>
/// <param name="RecordId">The <c>record_id</c> field.</param>
/// <param name="DataJson">The <c>data_json</c> field: a JSON document, possibly malformed.</param>
public sealed record CsvRecord(string RecordId, string DataJson);
