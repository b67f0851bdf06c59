using System.Text;

namespace PiiExtProc.Tests.Support;

/// <summary>Finds ../shared (the research and data directory) from the repository root or PIIEXTPROC_SHARED.</summary>
internal static class SharedData
{
    public static string GuardianDataset => Path.Combine(Root, "data", "guardian", "iscp_pii_dataset.csv");

    public static string Root => PiiExtProc.Testing.SharedDataDirectory.Root;

    /// <summary>Reads record_id,data_json rows (RFC 4180 quoting, "" escapes, CRLF or LF, optional BOM).</summary>
    public static IReadOnlyList<(string Id, string Json)> ReadGuardianRecords()
    {
        var path = GuardianDataset;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Guardian dataset is missing at {path}; set PIIEXTPROC_SHARED to the shared directory.", path);
        }

        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows.Skip(1).Where(r => r.Count >= 2).Select(r => (r[0], r[1])).ToList();
    }
}
