namespace PiiExtProc.Scanning;

/// <summary>Thrown when <see cref="ScannerOptions"/> cannot be compiled; the message names the faulty item, never a scanned value.</summary>
public sealed class ScannerConfigurationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public ScannerConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ScannerConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message.</summary>
    public ScannerConfigurationException() { }
}
