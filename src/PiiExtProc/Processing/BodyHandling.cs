namespace PiiExtProc.Processing;

/// <summary>What the stream does with one direction's body bytes.</summary>
internal enum BodyHandling
{
    /// <summary>Scan incrementally with a <c>BodyScanSession</c> and forward the redacted bytes.</summary>
    Scan,

    /// <summary>Collect the whole (compressed) body, then decode, scan, re-encode and forward it at the end.</summary>
    DecodeWhole,

    /// <summary>Forward unchanged without scanning (unscannable content type, fail-open past a limit, unknown encoding passed).</summary>
    PassThrough,
}
