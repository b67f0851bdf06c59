namespace PiiExtProc.Scanning.Evaluation;

/// <summary>A record where the scanner's is_pii differs from the reference label.</summary>
/// <param name="RecordId">The record id.</param>
/// <param name="Predicted">The scanner's is_pii.</param>
/// <param name="Label">The reference label (published majority).</param>
public sealed record GuardianDisagreement(string RecordId, bool Predicted, bool Label);
