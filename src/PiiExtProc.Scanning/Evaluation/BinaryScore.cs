namespace PiiExtProc.Scanning.Evaluation;

/// <summary>Confusion counts of a yes/no decision and the derived precision, recall and F1 (in [0, 1]).</summary>
public sealed record BinaryScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
