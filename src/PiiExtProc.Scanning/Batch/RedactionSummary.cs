namespace PiiExtProc.Scanning.Batch;

/// <summary>What a <see cref="FileRedactor"/> run did.</summary>
/// <param name="Records">Records read (CSV rows, JSON lines, or 1 for a text file).</param>
/// <param name="RecordsWithPii">Records whose session reported PII (is_pii).</param>
/// <param name="Findings">Findings over all records, of any action.</param>
/// <param name="FallbacksToText">Records whose JSON was malformed and was scanned as text from the failing point.</param>
/// <param name="BytesScanned">Input bytes scanned (UTF-8).</param>
public sealed record RedactionSummary(int Records, int RecordsWithPii, long Findings, int FallbacksToText, long BytesScanned);
