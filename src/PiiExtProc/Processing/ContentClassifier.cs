using PiiExtProc.Policy;
using PiiExtProc.Scanning;

namespace PiiExtProc.Processing;

/// <summary>
/// Decides from a content-type whether a body can hold scannable text, and how to parse it (issue 4 §2).
/// JSON, NDJSON, text, form-urlencoded (decoded, <see cref="BodyFormat.FormUrlEncoded"/>), XML and HTML (one record per
/// document, <see cref="BodyFormat.Markup"/>) and multipart/form-data (part names as keys, binary file parts passed
/// through, <see cref="BodyFormat.Multipart"/>) and CSV/TSV (fields keyed by their header, <see cref="BodyFormat.Csv"/>) are scanned; images, audio, video,
/// fonts, octet-stream, protobuf, gRPC, PDF, archives and other multipart kinds are skipped. A missing or unknown
/// content type is scanned, with JSON sniffed from the first non-blank byte.
/// </summary>
internal static class ContentClassifier
{
    private static readonly string[] s_skippedPrefixes = ["image/", "audio/", "video/", "font/", "model/"];

    private static readonly string[] s_skippedTypes =
    [
        "application/octet-stream", "application/protobuf", "application/x-protobuf", "application/vnd.google.protobuf",
        "application/grpc", "application/grpc+proto", "application/grpc-web", "application/grpc-web+proto",
        "application/pdf", "application/zip", "application/gzip", "application/x-tar", "application/wasm",
        "multipart/byteranges", "multipart/x-mixed-replace", "multipart/mixed", "multipart/related",
    ];

    /// <summary>True when bodies of this content type are skipped (sent a mode override to NONE).</summary>
    public static bool IsUnscannable(string? contentType)
    {
        var mediaType = MediaType(contentType);
        if (mediaType.Length == 0)
        {
            return false;
        }

        foreach (var prefix in s_skippedPrefixes)
        {
            if (mediaType.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var type in s_skippedTypes)
        {
            if (mediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The parse format for a content type (<see cref="RoutePolicy.GetBodyFormat(string?)"/>, the mapping <c>policy test</c> uses
    /// too); null when there is no content type and the format must be sniffed from the body.
    /// </summary>
    public static BodyFormat? FormatOf(string? contentType) =>
        MediaType(contentType).IsEmpty ? null : RoutePolicy.GetBodyFormat(contentType);

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return default;
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
