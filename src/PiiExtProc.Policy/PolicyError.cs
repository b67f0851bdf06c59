using System.Globalization;

namespace PiiExtProc.Policy;

/// <summary>One mistake in a policy file, located by line and column (1-based) of the offending YAML node.</summary>
/// <param name="File">The policy file path, or <c>embedded:default-policy.yaml</c>.</param>
/// <param name="Line">Line, 1-based; 0 when the mistake concerns the whole file.</param>
/// <param name="Column">Column, 1-based; 0 when the mistake concerns the whole file.</param>
/// <param name="Message">What is wrong and what was expected. Never contains a hash key or a scanned value.</param>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    /// <summary>The error as <c>file:line:column: message</c>, the form compilers use.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}
