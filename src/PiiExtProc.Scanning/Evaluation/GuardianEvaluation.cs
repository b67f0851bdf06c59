using System.Globalization;
using System.Text;
using PiiExtProc.Scanning.Batch;

namespace PiiExtProc.Scanning.Evaluation;

/// <summary>
/// Scores the Guardian is_pii decision (<see cref="Sessions.BodyScanSession.ContainsPii"/> per CSV row) against a labels
/// CSV with columns <c>record_id</c> and <c>majority_is_pii</c> (shared/data/guardian/published_labels.csv), and lists
/// the disagreeing records. Used by <c>PiiExtProc eval --guardian CSV --labels CSV</c>.
/// </summary>
public static class GuardianEvaluation
{
    /// <summary>Evaluates; records without a label are skipped.</summary>
    /// <exception cref="InvalidDataException">A CSV lacks its required columns.</exception>
    public static (BinaryScore Score, IReadOnlyList<GuardianDisagreement> Disagreements) Evaluate(PiiScanner scanner, TextReader dataset, TextReader labels)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        Dictionary<string, bool> expected = ReadLabels(labels);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var disagreements = new List<GuardianDisagreement>();
        foreach (CsvRecord record in GuardianCsvReader.Read(dataset))
        {
            if (!expected.TryGetValue(record.RecordId, out bool label))
            {
                continue;
            }

            bool predicted = FileRedactor.RedactBody(scanner, BodyFormat.Json, Encoding.UTF8.GetBytes(record.DataJson)).ContainsPii;
            (tp, fp, fn, tn) = (predicted, label) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
            if (predicted != label)
            {
                disagreements.Add(new GuardianDisagreement(record.RecordId, predicted, label));
            }
        }

        return (new BinaryScore(tp, fp, fn, tn), disagreements);
    }

    /// <summary>Writes the score and the disagreeing record ids.</summary>
    public static void WriteReport(BinaryScore score, IReadOnlyList<GuardianDisagreement> disagreements, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(disagreements);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"is_pii: precision {score.Precision:F4} recall {score.Recall:F4} F1 {score.F1:F4} (TP {score.TruePositives}, FP {score.FalsePositives}, FN {score.FalseNegatives}, TN {score.TrueNegatives})"));
        foreach (GuardianDisagreement d in disagreements)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  record {d.RecordId}: predicted {d.Predicted}, label {d.Label}"));
        }
    }

    private static Dictionary<string, bool> ReadLabels(TextReader labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string? header = labels.ReadLine() ?? throw new InvalidDataException("The labels CSV is empty.");
        string[] columns = header.TrimStart('\uFEFF').Split(',');
        int id = Array.FindIndex(columns, c => c.Trim().Equals("record_id", StringComparison.OrdinalIgnoreCase));
        int label = Array.FindIndex(columns, c => c.Trim().Equals("majority_is_pii", StringComparison.OrdinalIgnoreCase));
        if (label < 0)
        {
            label = Array.FindIndex(columns, c => c.Trim().Equals("is_pii", StringComparison.OrdinalIgnoreCase));
        }

        if (id < 0 || label < 0)
        {
            throw new InvalidDataException("The labels CSV header must name record_id and majority_is_pii (or is_pii).");
        }

        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (labels.ReadLine() is { } line)
        {
            string[] fields = line.Split(',');
            if (fields.Length > Math.Max(id, label))
            {
                result[fields[id].Trim()] = fields[label].Trim().Equals("True", StringComparison.OrdinalIgnoreCase);
            }
        }

        return result;
    }
}
