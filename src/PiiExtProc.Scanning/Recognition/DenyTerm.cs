namespace PiiExtProc.Scanning.Recognition;

/// <summary>A compiled deny-list term: lower-case ASCII/UTF-8 bytes and the entity it reports.</summary>
internal sealed record DenyTerm(byte[] LowerBytes, PiiEntity Entity);
