namespace PiiExtProc.Scanning.Sessions;

/// <summary>How a slot's bytes are rewritten.</summary>
internal enum SlotKind : byte
{
    /// <summary>Raw text (a text record): replacements are written as they are.</summary>
    Text,

    /// <summary>A JSON string token without escape sequences: replacements are JSON-escaped in place.</summary>
    JsonString,

    /// <summary>A JSON string token with escape sequences: the whole decoded value is rewritten and re-escaped.</summary>
    JsonEscapedString,

    /// <summary>A JSON number token: when rewritten it becomes a JSON string.</summary>
    JsonNumber,

    /// <summary>A form value (<see cref="BodyFormat.FormUrlEncoded"/>): matches are in its decoded bytes; when rewritten,
    /// the whole decoded value is encoded again.</summary>
    FormValue,

    /// <summary>A CSV field without quotes (<see cref="BodyFormat.Csv"/>): replacements are written as they are, unless one
    /// holds a quote, the delimiter or a line break; then the whole field is written quoted.</summary>
    CsvField,

    /// <summary>The value inside a quoted CSV field (the quotes are outside the slot): quotes in a replacement are
    /// doubled.</summary>
    CsvQuotedField,

    /// <summary>The value inside a quoted CSV field that holds doubled quotes (<c>""</c>, RFC 4180 §2.7): matches are in
    /// its decoded bytes (each <c>""</c> one <c>"</c>, so a JSON document in a cell reads as JSON); when rewritten, the
    /// whole decoded value is written again with its quotes doubled.</summary>
    CsvEscapedField,
}
