using System.Buffers;
using System.Text;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning.Batch;

/// <summary>
/// Redacts a file with a <see cref="PiiScanner"/>: the Guardian CSV, JSON Lines, or the whole file as one body of a
/// <see cref="BodyFormat"/> (<see cref="FileFormat"/>), read in 64 KiB chunks like a streamed body.
/// Used by <c>PiiExtProc redact</c>. Reads and writes UTF-8; the output is written without a byte order mark.
/// </summary>
public static class FileRedactor
{
    private const int TextChunkBytes = 64 * 1024;

    /// <summary>Redacts <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">A Guardian CSV without the required header, or with an unterminated quote.</exception>
    public static RedactionSummary Redact(PiiScanner scanner, FileFormat format, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            FileFormat.GuardianCsv => RedactGuardian(scanner, input, output),
            FileFormat.JsonLines => RedactJsonLines(scanner, input, output),
            FileFormat.Text => RedactWholeBody(scanner, BodyFormat.Text, input, output),
            FileFormat.Json => RedactWholeBody(scanner, BodyFormat.Json, input, output),
            FileFormat.FormUrlEncoded => RedactWholeBody(scanner, BodyFormat.FormUrlEncoded, input, output),
            FileFormat.Markup => RedactWholeBody(scanner, BodyFormat.Markup, input, output),
            FileFormat.Multipart => RedactWholeBody(scanner, BodyFormat.Multipart, input, output),
            FileFormat.Csv => RedactWholeBody(scanner, BodyFormat.Csv, input, output),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>Scans one whole body; returns the redacted bytes and the session's verdict.</summary>
    public static (byte[] Output, bool ContainsPii, int Findings, bool FellBackToText) RedactBody(PiiScanner scanner, BodyFormat format, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        using BodyScanSession session = scanner.RentSession(format);
        var writer = new ArrayBufferWriter<byte>(body.Length + 16);
        ChunkResult result = session.Process(body, isFinal: true, writer);
        byte[] bytes = result.IsUnchanged ? body.ToArray() : writer.WrittenSpan.ToArray();
        return (bytes, session.ContainsPii, session.FindingCount, session.FellBackToText);
    }

    private static RedactionSummary RedactGuardian(PiiScanner scanner, Stream input, Stream output)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var csv = new GuardianCsvWriter(writer);
        int records = 0, withPii = 0, fallbacks = 0;
        long findings = 0, bytes = 0;
        foreach (CsvRecord record in GuardianCsvReader.Read(reader))
        {
            byte[] body = Encoding.UTF8.GetBytes(record.DataJson);
            var (redacted, pii, count, fellBack) = RedactBody(scanner, BodyFormat.Json, body);
            csv.Write(record.RecordId, Encoding.UTF8.GetString(redacted), pii);
            records++;
            withPii += pii ? 1 : 0;
            fallbacks += fellBack ? 1 : 0;
            findings += count;
            bytes += body.Length;
        }

        return new RedactionSummary(records, withPii, findings, fallbacks, bytes);
    }

    private static RedactionSummary RedactJsonLines(PiiScanner scanner, Stream input, Stream output)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (all.StartsWith("\xEF\xBB\xBF"u8))
        {
            all = all[3..];
        }

        int records = 0, withPii = 0, fallbacks = 0;
        long findings = 0;
        long scanned = all.Length;
        while (!all.IsEmpty)
        {
            int newline = all.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? all : all[..newline];
            all = newline < 0 ? default : all[(newline + 1)..];
            bool carriageReturn = !line.IsEmpty && line[^1] == '\r';
            if (carriageReturn)
            {
                line = line[..^1];
            }

            if (!line.Trim(" \t"u8).IsEmpty)
            {
                var (redacted, pii, count, fellBack) = RedactBody(scanner, BodyFormat.Json, line);
                output.Write(redacted);
                records++;
                withPii += pii ? 1 : 0;
                fallbacks += fellBack ? 1 : 0;
                findings += count;
            }
            else
            {
                output.Write(line);
            }

            if (carriageReturn)
            {
                output.WriteByte((byte)'\r');
            }

            if (newline >= 0)
            {
                output.WriteByte((byte)'\n');
            }
        }

        return new RedactionSummary(records, withPii, findings, fallbacks, scanned);
    }

    private static RedactionSummary RedactWholeBody(PiiScanner scanner, BodyFormat format, Stream input, Stream output)
    {
        using BodyScanSession session = scanner.CreateSession(format);
        var writer = new ArrayBufferWriter<byte>(TextChunkBytes);
        byte[] current = ArrayPool<byte>.Shared.Rent(TextChunkBytes);
        byte[] next = ArrayPool<byte>.Shared.Rent(TextChunkBytes);
        try
        {
            // One chunk of look-ahead, so the session learns which chunk is final.
            int length = input.Read(current, 0, TextChunkBytes);
            while (true)
            {
                int nextLength = length == 0 ? 0 : input.Read(next, 0, TextChunkBytes);
                bool final = nextLength == 0;
                ReadOnlySpan<byte> piece = current.AsSpan(0, length);
                writer.ResetWrittenCount();
                ChunkResult result = session.Process(piece, final, writer);
                output.Write(result.IsUnchanged ? piece : writer.WrittenSpan);
                if (final)
                {
                    break;
                }

                (current, next) = (next, current);
                length = nextLength;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }

        return new RedactionSummary(1, session.ContainsPii ? 1 : 0, session.FindingCount, session.FellBackToText ? 1 : 0, session.BytesScanned);
    }
}
