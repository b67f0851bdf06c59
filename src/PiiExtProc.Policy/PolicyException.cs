namespace PiiExtProc.Policy;

/// <summary>
/// Thrown when a policy cannot be loaded. Holds every error found, not just the first; the message lists them
/// one per line as <c>file:line:column: message</c>. Never contains a hash key or a scanned value.
/// </summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">At least one error.</param>
    public PolicyException(IReadOnlyList<PolicyError> errors)
        : base(FormatMessage(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message and no located errors.</summary>
    public PolicyException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PolicyException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Creates the exception with no message.</summary>
    public PolicyException() => Errors = [];

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = new string[errors.Count + 1];
        lines[0] = errors.Count == 1 ? "The policy has 1 error:" : $"The policy has {errors.Count} errors:";
        for (var i = 0; i < errors.Count; i++)
        {
            lines[i + 1] = errors[i].ToString();
        }

        return string.Join(Environment.NewLine, lines);
    }
}
