namespace PiiExtProc.Policy.Commands;

/// <summary>One case of a <c>policy test</c> folder: an input, the expected output and the route it is sent on.</summary>
/// <param name="Name">The case name (the file name before <c>.input.</c>).</param>
/// <param name="InputPath">NAME.input.json or NAME.input.txt.</param>
/// <param name="ExpectedPath">NAME.expected.json or NAME.expected.txt; null when missing.</param>
/// <param name="CasePath">NAME.case.yaml; null when absent.</param>
internal sealed record TestCase(string Name, string InputPath, string? ExpectedPath, string? CasePath);
