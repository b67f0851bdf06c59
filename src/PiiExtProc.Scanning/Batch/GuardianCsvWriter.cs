namespace PiiExtProc.Scanning.Batch;

/// <summary>
/// Writes the Guardian output CSV <c>record_id,redacted_data_json,is_pii</c>: RFC 4180 quoting (fields with a comma,
/// quote or line break are quoted, quotes doubled), CRLF line ends, <c>is_pii</c> as <c>True</c> or <c>False</c>.
/// </summary>
public sealed class GuardianCsvWriter
{
    private readonly TextWriter _writer;

    /// <summary>Writes the header line.</summary>
    public GuardianCsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _writer.Write("record_id,redacted_data_json,is_pii\r\n");
    }

    /// <summary>Writes one row.</summary>
    public void Write(string recordId, string redactedDataJson, bool isPii)
    {
        WriteField(recordId);
        _writer.Write(',');
        WriteField(redactedDataJson);
        _writer.Write(isPii ? ",True\r\n" : ",False\r\n");
    }

    private void WriteField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
