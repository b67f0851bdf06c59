using System.Text;

namespace PiiExtProc.Scanning.Batch;

/// <summary>
/// Reads the Guardian CSV (<c>record_id,data_json</c>): RFC 4180 fields (double quotes, doubled quotes inside), CRLF or
/// LF line ends, an optional UTF-8 byte order mark, a missing final newline, and the header spelled <c>data_json</c> or
/// <c>Data_json</c> (any case). Extra columns are ignored.
/// </summary>
public static class GuardianCsvReader
{
    /// <summary>Reads every data row.</summary>
    /// <exception cref="InvalidDataException">The header lacks <c>record_id</c> or <c>data_json</c>, or a quoted field
    /// never ends; the message names the line, never field content.</exception>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadIterator(reader);
    }

    private static IEnumerable<CsvRecord> ReadIterator(TextReader reader)
    {
        int line = 1;
        List<string>? header = ReadRow(reader, ref line);
        if (header is null)
        {
            yield break;
        }

        if (header.Count > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }

        int idColumn = header.FindIndex(h => h.Trim().Equals("record_id", StringComparison.OrdinalIgnoreCase));
        int dataColumn = header.FindIndex(h => h.Trim().Equals("data_json", StringComparison.OrdinalIgnoreCase));
        if (idColumn < 0 || dataColumn < 0)
        {
            throw new InvalidDataException("CSV header line 1 must name the columns record_id and data_json.");
        }

        while (ReadRow(reader, ref line) is { } row)
        {
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue;
            }

            string id = idColumn < row.Count ? row[idColumn] : string.Empty;
            string data = dataColumn < row.Count ? row[dataColumn] : string.Empty;
            yield return new CsvRecord(id, data);
        }
    }

    private static List<string>? ReadRow(TextReader reader, ref int line)
    {
        int c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        int startLine = line;
        while (true)
        {
            if (c == '"' && field.Length == 0)
            {
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                    {
                        throw new InvalidDataException($"CSV line {startLine}: a quoted field does not end.");
                    }

                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                c = reader.Read();
                continue;
            }

            if (c < 0 || c == '\n' || c == '\r')
            {
                fields.Add(field.ToString());
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                line++;
                return fields;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append((char)c);
            }

            c = reader.Read();
        }
    }
}
