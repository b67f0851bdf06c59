using System.Globalization;
using System.Text;
using PiiExtProc.Policy.Commands;
using PiiExtProc.Scanning;
using Xunit.Abstractions;

namespace PiiExtProc.Policy.Tests;

/// <summary>The embedded default policy must reproduce the Project Guardian 2.0 is_pii decisions.</summary>
public sealed class GuardianDefaultPolicyTests(ITestOutputHelper output)
{
    private static string DataDirectory => FindDataDirectory();

    [Fact]
    public void DefaultPolicy_GuardianDataset_AgreesWithPublishedLabels()
    {
        var dataset = Path.Combine(DataDirectory, "iscp_pii_dataset.csv");
        var labels = Path.Combine(DataDirectory, "published_labels.csv");
        var expected = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in ReadCsv(labels).Skip(1))
        {
            expected[row[0]] = bool.Parse(row[3]);
        }

        var policy = PolicyLoading.LoadDefault().Resolve(default);
        int truePositive = 0, falsePositive = 0, falseNegative = 0, agree = 0;
        var disagreements = new List<string>();
        foreach (var row in ReadCsv(dataset).Skip(1))
        {
            if (!expected.TryGetValue(row[0], out var label))
            {
                continue;
            }

            var result = BodyScanner.Scan(policy, Encoding.UTF8.GetBytes(row[1]), BodyFormat.Json);
            var isPii = result.ContainsPii;
            if (isPii == label)
            {
                agree++;
            }
            else
            {
                disagreements.Add(row[0]);
            }

            truePositive += isPii && label ? 1 : 0;
            falsePositive += isPii && !label ? 1 : 0;
            falseNegative += !isPii && label ? 1 : 0;
        }

        var f1 = 2.0 * truePositive / ((2.0 * truePositive) + falsePositive + falseNegative);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agree {agree}/{expected.Count}, TP {truePositive} FP {falsePositive} FN {falseNegative}, F1 {f1:0.0000}; disagreements: {string.Join(",", disagreements)}"));
        Assert.True(f1 >= 0.95, string.Create(CultureInfo.InvariantCulture, $"F1 {f1:0.0000}; disagreements: {string.Join(",", disagreements)}"));
    }

    private static string FindDataDirectory() => PiiExtProc.Testing.SharedDataDirectory.Guardian;

    /// <summary>RFC 4180 CSV: quoted fields with doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path).TrimStart('\uFEFF');
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
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
