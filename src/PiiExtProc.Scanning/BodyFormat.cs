namespace PiiExtProc.Scanning;

/// <summary>How a body's bytes are parsed before recognizers run.</summary>
public enum BodyFormat
{
    /// <summary>
    /// JSON, or a sequence of JSON values (NDJSON, JSON Lines). String and number values are scanned with their
    /// key path as context and rewritten so the output stays valid JSON. From the first byte that is not
    /// valid JSON on, the rest of the body is scanned as <see cref="Text"/>: malformed JSON is never passed through.
    /// </summary>
    Json,

    /// <summary>Any other text (plain text, logs): scanned as UTF-8 text, invalid bytes kept; each line is a record.</summary>
    Text,

    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> (<c>name=Ravi+Kumar&amp;email=ravi.k%40example.com</c>): each value is
    /// decoded (<c>+</c>, <c>%XX</c>) and scanned with its decoded key as context, like a JSON value; a rewritten value is
    /// encoded again, so the output stays a valid form. The body is one record for the combination rule. A key in
    /// brackets (<c>shipping_address[city]</c>) is a member of the object the prefix names. A pair longer than
    /// <see cref="ScanLimits.MaxRecordBytes"/> makes the rest of the body <see cref="Text"/>. A body that is not really a
    /// form loses nothing: one whose first byte that is not blank is <c>{</c> or <c>[</c> (JSON sent with the form
    /// content type, as <c>curl -d</c> does) is parsed as <see cref="Json"/>, and a piece without <c>=</c>, or a key with a
    /// digit, <c>@</c> or <c>:</c>, is also scanned as text.
    /// </summary>
    FormUrlEncoded,

    /// <summary>
    /// XML and HTML (SOAP responses, partner callbacks): scanned as <see cref="Text"/>, with element text and attributes
    /// read as key-value pairs (<c>&lt;customerName&gt;Ravi Kumar&lt;/customerName&gt;</c>), but the whole document is one
    /// record for the combination rule, so a name and an email on different lines of a pretty-printed document count
    /// together. Quasi-identifiers more than <see cref="ScanLimits.MaxRecordBytes"/> back are decided as PII.
    /// </summary>
    Markup,

    /// <summary>
    /// <c>multipart/form-data</c> (HTML form posts with files, KYC uploads): scanned as <see cref="Text"/> line by line,
    /// but each part's value is scanned with the part's <c>name</c> as its key (a <c>full_name</c> part is a person name),
    /// file parts whose <c>Content-Type</c> is not text, JSON, XML or a form are passed through unscanned, and the whole
    /// body is one record. The boundary is the one on the body's first delimiter line.
    /// </summary>
    Multipart,

    /// <summary>
    /// CSV and TSV (<c>text/csv</c>, <c>text/tab-separated-values</c>: reports, exports, partner files; RFC 4180): the
    /// first row is the header and each field is scanned with its column's header as its key (a <c>mobile</c> column's
    /// bare numbers are mobiles, a <c>customer_name</c> column's values names); each row is one record for the
    /// combination rule. The delimiter is the most frequent of <c>, TAB ; |</c> in the first row. A quoted field may hold
    /// delimiters, doubled quotes and line breaks; a rewritten field that needs quotes gets them. A row longer than
    /// <see cref="ScanLimits.MaxRecordBytes"/> makes the rest of the body <see cref="Text"/>.
    /// </summary>
    Csv,
}
