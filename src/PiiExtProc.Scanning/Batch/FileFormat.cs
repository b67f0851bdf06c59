namespace PiiExtProc.Scanning.Batch;

/// <summary>Input and output layouts of <see cref="FileRedactor"/> (the CLI's <c>--format</c>).</summary>
public enum FileFormat
{
    /// <summary>
    /// The ISCP Project Guardian 2.0 CSV: input <c>record_id,data_json</c> (RFC 4180, UTF-8 with or without BOM, CRLF or
    /// LF, the <c>Data_json</c> header spelling accepted), output <c>record_id,redacted_data_json,is_pii</c> with
    /// <c>True</c>/<c>False</c>. Malformed JSON in a row is scanned as text from the failing point.
    /// </summary>
    GuardianCsv,

    /// <summary>JSON Lines: one JSON document per line, one redacted line out per line (empty lines kept).</summary>
    JsonLines,

    /// <summary>The whole file as one text body (<see cref="BodyFormat.Text"/>).</summary>
    Text,

    /// <summary>The whole file as one JSON body (<see cref="BodyFormat.Json"/>): a document or a sequence of documents.</summary>
    Json,

    /// <summary>The whole file as one <c>application/x-www-form-urlencoded</c> body (<see cref="BodyFormat.FormUrlEncoded"/>).</summary>
    FormUrlEncoded,

    /// <summary>The whole file as one XML or HTML document (<see cref="BodyFormat.Markup"/>).</summary>
    Markup,

    /// <summary>The whole file as one <c>multipart/form-data</c> body (<see cref="BodyFormat.Multipart"/>).</summary>
    Multipart,

    /// <summary>The whole file as one CSV or TSV body (<see cref="BodyFormat.Csv"/>).</summary>
    Csv,
}
