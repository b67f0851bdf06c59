using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning;

/// <summary>
/// The compiled detection engine for one set of <see cref="ScannerOptions"/>: keyword automaton,
/// recognizers, validators and operators. Immutable and thread-safe; built once per policy rule and shared
/// by every stream. Per-body state lives in the <see cref="BodyScanSession"/>s it creates.
/// </summary>
public sealed class PiiScanner
{
    private PiiScanner(ScannerOptions options) => Options = options;

    /// <summary>The options this scanner was compiled from.</summary>
    public ScannerOptions Options { get; }

    /// <summary>
    /// Compiles <paramref name="options"/>.
    /// </summary>
    /// <exception cref="ScannerConfigurationException">A custom pattern or allow-list pattern does not compile,
    /// or a setting is out of range; the message names the item.</exception>
    public static PiiScanner Create(ScannerOptions options) => throw new NotImplementedException();

    /// <summary>
    /// Starts scanning one body (one direction of one HTTP exchange, or one file record).
    /// </summary>
    /// <param name="format">How to parse the body.</param>
    public BodyScanSession CreateSession(BodyFormat format) => throw new NotImplementedException();
}
