using System.Text;
using PiiExtProc.Scanning.Batch;

namespace PiiExtProc.Tests.Support;

/// <summary>The shared Guardian dataset (../shared or PIIEXTPROC_SHARED), read with the product's own CSV reader.</summary>
internal static class SharedData
{
    public static string GuardianDataset => Path.Combine(Root, "data", "guardian", "iscp_pii_dataset.csv");

    public static string Root => PiiExtProc.Testing.SharedDataDirectory.Root;

    /// <summary>Reads the record_id,data_json rows (BOM, CRLF and quoting handled by <see cref="GuardianCsvReader"/>).</summary>
    public static IReadOnlyList<(string Id, string Json)> ReadGuardianRecords()
    {
        var path = GuardianDataset;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Guardian dataset is missing at {path}; set PIIEXTPROC_SHARED to the shared directory.", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return GuardianCsvReader.Read(reader).Select(record => (record.RecordId, record.DataJson)).ToList();
    }
}
