namespace PiiExtProc.Diagnostics;

/// <summary>Why a body was not scanned; the <c>reason</c> label of piiextproc_bodies_skipped_total.</summary>
internal enum SkipReason
{
    /// <summary>The content type cannot hold scannable text (image, octet-stream, protobuf...): mode override sent.</summary>
    ContentType,

    /// <summary>The body exceeded the rule's size limit, or Envoy sent only part of it (BUFFERED_PARTIAL).</summary>
    Size,

    /// <summary>The content-encoding is not one we decode.</summary>
    Encoding,

    /// <summary>Observability mode: scanned for reporting only, never rewritten.</summary>
    Observability,
}
