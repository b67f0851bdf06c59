namespace PiiExtProc.Scanning.Evaluation;

/// <summary>Detection counts of one entity on a labelled corpus.</summary>
/// <param name="Entity">The entity name.</param>
/// <param name="Score">True positives (expected values found), false positives (findings matching no expected value)
/// and false negatives (expected values not found); true negatives are not counted (0).</param>
public sealed record EntityScore(string Entity, BinaryScore Score);
