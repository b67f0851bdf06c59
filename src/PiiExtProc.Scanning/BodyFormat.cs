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

    /// <summary>Any other text (plain text, logs, form-urlencoded, XML, HTML): scanned as UTF-8 text, invalid bytes kept.</summary>
    Text,
}
