using PiiExtProc.Scanning.Recognition;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// <c>multipart/form-data</c> scanning of a <see cref="BodyScanSession"/> (<see cref="BodyFormat.Multipart"/>), line by
/// line on top of text scanning: the boundary is learnt from the first delimiter line (<c>--BOUNDARY</c>), each part's
/// <c>Content-Disposition</c> <c>name</c> is the key of the lines of its value, file parts whose content type is not
/// text are passed through unscanned, and the body is one record. A CSV or TSV file part (<c>text/csv</c>, or a
/// <c>.csv</c> / <c>.tsv</c> file name whatever its type) is read as a CSV body is: its first row is the header (or the
/// first header-like row after title lines), each later row a record whose fields are read under their columns.
/// </summary>
public sealed partial class BodyScanSession
{
    /// <summary>Longest boundary, bytes (RFC 2046 §5.1.1: 1-70 characters).</summary>
    private const int MaxBoundaryBytes = 70;

    private bool _multipartMode;
    private MultipartState _multipartState;
    private readonly byte[] _boundary = new byte[MaxBoundaryBytes];
    private int _boundaryLength;
    private KeyClass _partKey;
    private bool _partIsFile;
    private bool _partIsBinary;

    /// <summary>The part is a CSV or TSV file (by its content type or its file name's extension): its lines are CSV rows.</summary>
    private bool _partIsCsv;

    private enum MultipartState : byte
    {
        /// <summary>Before the first delimiter line (scanned as text).</summary>
        Preamble,

        /// <summary>A part's header lines (not scanned).</summary>
        Headers,

        /// <summary>A part's value lines (scanned with the part's name as key).</summary>
        Value,

        /// <summary>A binary file part (not scanned).</summary>
        Skipped,

        /// <summary>After the closing delimiter (scanned as text).</summary>
        Epilogue,
    }

    private void ResetMultipart(BodyFormat format)
    {
        _multipartMode = format == BodyFormat.Multipart;
        _multipartState = MultipartState.Preamble;
        _boundaryLength = 0;
        _partKey = KeyClass.None;
        _partIsFile = false;
        _partIsBinary = false;
        _partIsCsv = false;
    }

    /// <summary>
    /// Reads one line of a multipart body (with its line feed; <paramref name="oversized"/> for a piece of a cut line):
    /// true when it is to be scanned as text with <paramref name="key"/> (a part's value line, with the part's name; a
    /// preamble or epilogue line, with none); false for delimiter and header lines and the lines of a binary file part.
    /// </summary>
    private bool ReadMultipartLine(ReadOnlySpan<byte> line, bool oversized, out KeyClass key)
    {
        key = KeyClass.None;
        ReadOnlySpan<byte> content = line.TrimEnd("\r\n"u8);
        if (!oversized && IsDelimiter(content, out bool closing))
        {
            if (_csvRowContinues)
            {
                // A CSV part ended inside a quoted field: its last row ends here.
                _csvRowContinues = false;
                ResolveOpenRecords();
            }

            _multipartState = closing ? MultipartState.Epilogue : MultipartState.Headers;
            _partKey = KeyClass.None;
            _partIsFile = false;
            _partIsBinary = false;
            _partIsCsv = false;
            return false;
        }

        switch (_multipartState)
        {
            case MultipartState.Headers:
                if (content.IsEmpty)
                {
                    // A .csv file is scanned whatever type the browser gave it (application/vnd.ms-excel where Excel is installed).
                    _multipartState = _partIsFile && _partIsBinary && !_partIsCsv ? MultipartState.Skipped : MultipartState.Value;
                    if (_partIsCsv)
                    {
                        // Its first row is its header. The fields read so far are decided with that row, which ends a
                        // record as every row does, so they are not one record with the file's rows.
                        ResetCsvTable();
                    }
                }
                else
                {
                    ReadPartHeader(content);
                }

                return false;
            case MultipartState.Skipped:
                return false;
            case MultipartState.Value:
                key = _partKey;
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// True for a delimiter line: <c>--</c> and the boundary (the first such line outside a part sets it), then
    /// <c>--</c> for the closing one (<paramref name="closing"/>), then optional spaces and tabs.
    /// </summary>
    private bool IsDelimiter(ReadOnlySpan<byte> content, out bool closing)
    {
        closing = false;
        if (content.Length < 3 || content[0] != '-' || content[1] != '-')
        {
            return false;
        }

        ReadOnlySpan<byte> rest = content[2..].TrimEnd(" \t"u8);
        if (_boundaryLength == 0)
        {
            if (_multipartState != MultipartState.Preamble || rest.Length > MaxBoundaryBytes || rest.IndexOfAny(" \t"u8) >= 0)
            {
                return false;
            }

            rest.CopyTo(_boundary);
            _boundaryLength = rest.Length;
            return true;
        }

        ReadOnlySpan<byte> boundary = _boundary.AsSpan(0, _boundaryLength);
        if (!rest.StartsWith(boundary))
        {
            return false;
        }

        ReadOnlySpan<byte> after = rest[boundary.Length..];
        closing = after.SequenceEqual("--"u8);
        return after.IsEmpty || closing;
    }

    /// <summary>Reads the part headers that matter: <c>Content-Disposition</c> (<c>name</c>, <c>filename</c>) and
    /// <c>Content-Type</c> (a file part is scanned only when it is text, JSON, XML or a form).</summary>
    private void ReadPartHeader(ReadOnlySpan<byte> header)
    {
        int colon = header.IndexOf((byte)':');
        if (colon <= 0)
        {
            return;
        }

        ReadOnlySpan<byte> name = header[..colon].Trim(" \t"u8);
        ReadOnlySpan<byte> value = header[(colon + 1)..].Trim(" \t"u8);
        if (System.Text.Ascii.EqualsIgnoreCase(name, "content-disposition"u8))
        {
            if (Parameter(value, "filename"u8, out ReadOnlySpan<byte> fileName))
            {
                _partIsFile = true;
                _partIsCsv |= Ascii.EndsWithIgnoreCase(fileName, ".csv"u8) || Ascii.EndsWithIgnoreCase(fileName, ".tsv"u8);
            }

            if (Parameter(value, "name"u8, out ReadOnlySpan<byte> key) && key.Length <= MaxKeyBytes)
            {
                _partKey = _detector.Keywords.ClassifyKey(key);
            }
        }
        else if (System.Text.Ascii.EqualsIgnoreCase(name, "content-type"u8))
        {
            ReadOnlySpan<byte> type = value[..(value.IndexOf((byte)';') is int semicolon and >= 0 ? semicolon : value.Length)].Trim(" \t"u8);
            _partIsBinary = !(Ascii.StartsWithIgnoreCase(type, "text/"u8) || Ascii.EndsWithIgnoreCase(type, "json"u8)
                || Ascii.EndsWithIgnoreCase(type, "xml"u8) || System.Text.Ascii.EqualsIgnoreCase(type, "application/x-www-form-urlencoded"u8));
            _partIsCsv |= System.Text.Ascii.EqualsIgnoreCase(type, "text/csv"u8) || System.Text.Ascii.EqualsIgnoreCase(type, "application/csv"u8)
                || System.Text.Ascii.EqualsIgnoreCase(type, "text/tab-separated-values"u8)
                || System.Text.Ascii.EqualsIgnoreCase(type, "text/comma-separated-values"u8);
        }
    }

    /// <summary>The value of parameter <paramref name="parameter"/> (<c>; name="value"</c> or <c>; name=value</c>) in a
    /// header value; the match is on a whole parameter name, case-insensitive.</summary>
    private static bool Parameter(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parameter, out ReadOnlySpan<byte> value)
    {
        value = default;
        while (true)
        {
            int semicolon = header.IndexOf((byte)';');
            if (semicolon < 0)
            {
                return false;
            }

            header = header[(semicolon + 1)..].TrimStart(" \t"u8);
            int equals = header.IndexOf((byte)'=');
            if (equals < 0)
            {
                return false;
            }

            if (!System.Text.Ascii.EqualsIgnoreCase(header[..equals].TrimEnd(" \t"u8), parameter))
            {
                continue;
            }

            ReadOnlySpan<byte> raw = header[(equals + 1)..].TrimStart(" \t"u8);
            if (!raw.IsEmpty && raw[0] == '"')
            {
                int close = raw[1..].IndexOf((byte)'"');
                value = close < 0 ? raw[1..] : raw[1..(close + 1)];
            }
            else
            {
                int end = raw.IndexOf((byte)';');
                value = (end < 0 ? raw : raw[..end]).TrimEnd(" \t"u8);
            }

            return true;
        }
    }
}
