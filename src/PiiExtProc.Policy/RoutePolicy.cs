using PiiExtProc.Policy.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy;

/// <summary>
/// Everything the server needs to process one direction of one stream: the rule that matched, its compiled
/// scanner and its failure choices. Immutable; obtained from <see cref="PolicySnapshot.Resolve"/>.
/// </summary>
public sealed class RoutePolicy
{
    /// <summary>The HTTP status of the immediate response for a body whose content-encoding cannot be decoded.</summary>
    public const int UnknownEncodingStatusCode = 415;

    internal RoutePolicy(PolicyRule rule, TrafficDirection direction)
    {
        Rule = rule;
        Direction = direction;
    }

    /// <summary>The rule this policy comes from.</summary>
    public PolicyRule Rule { get; }

    /// <summary>The rule's name: <c>default</c> or a name from <c>rules:</c>. A bounded set, fit for the <c>route</c> metric label.</summary>
    public string RuleName => Rule.Name;

    /// <summary>The direction this policy was resolved for.</summary>
    public TrafficDirection Direction { get; }

    /// <summary>The version of the policy snapshot (12 hex digits of the file's SHA-256).</summary>
    public string PolicyVersion => Rule.PolicyVersion;

    /// <summary>The compiled scanner for this rule; shared by every stream, create one session per body.</summary>
    public PiiScanner Scanner => Rule.Scanner;

    /// <summary>The options the scanner was compiled from (entities, operators, thresholds, limits).</summary>
    public ScannerOptions ScannerOptions => Rule.ScannerOptions;

    /// <summary>True in rollout mode: every operator is observe, nothing is rewritten or blocked, findings are reported.</summary>
    public bool ObserveOnly => Rule.ObserveOnly;

    /// <summary>What to do with a body larger than <see cref="MaxBodyBytes"/> or cut short. Default fail-closed.</summary>
    public UnscannableAction OnUnscannable => Rule.OnUnscannable;

    /// <summary>The largest body scanned, bytes (after decoding any content-encoding). Default 4 MiB.</summary>
    public long MaxBodyBytes => Rule.MaxBodyBytes;

    /// <summary>What to do with a content-encoding the server cannot decode. Default block (HTTP 415).</summary>
    public UnknownEncodingAction OnUnknownEncoding => Rule.OnUnknownEncoding;

    /// <summary>The immediate response for a blocked exchange (block operator, fail-closed).</summary>
    public BlockResponse BlockResponse => Rule.BlockResponse;

    /// <summary>Header names to scan, lower case. <c>:path</c> means the query string of the path.</summary>
    public IReadOnlyList<string> ScanHeaders => Rule.ScanHeaders;

    /// <summary>True when <see cref="ScanHeaders"/> holds <c>:path</c>: the query string is scanned.</summary>
    public bool ScansQueryString => Rule.ScansQueryString;

    /// <summary>Media type patterns of the bodies scanned (<c>application/json</c>, <c>text/*</c>, <c>application/*+json</c>).</summary>
    public IReadOnlyList<string> ScannedContentTypes => Rule.ScannedContentTypes;

    /// <summary>True when a body with this content-type header value is scanned; false for null or empty.</summary>
    public bool IsScannedContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var patterns = Rule.ScannedContentTypes;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (MediaTypes.Matches(patterns[i], contentType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How to parse a body of this content type, the one mapping the server (<c>ContentClassifier</c>) and
    /// <c>policy test</c> share: <see cref="BodyFormat.Json"/> for JSON and JSON sequence media types
    /// (<see cref="MediaTypes.IsJson"/>), <see cref="BodyFormat.FormUrlEncoded"/> for
    /// <c>application/x-www-form-urlencoded</c>, <see cref="BodyFormat.Markup"/> for XML and HTML,
    /// <see cref="BodyFormat.Multipart"/> for <c>multipart/form-data</c>, <see cref="BodyFormat.Csv"/> for CSV and TSV
    /// (<see cref="MediaTypes.IsCsv"/>), else text. A null or blank content type is text
    /// here; the server sniffs such a body instead (JSON when its first byte that is not blank is <c>{</c> or <c>[</c>).
    /// </summary>
    public static BodyFormat GetBodyFormat(string? contentType) =>
        contentType is null ? BodyFormat.Text
        : MediaTypes.IsJson(contentType) ? BodyFormat.Json
        : MediaTypes.IsFormUrlEncoded(contentType) ? BodyFormat.FormUrlEncoded
        : MediaTypes.IsMarkup(contentType) ? BodyFormat.Markup
        : MediaTypes.IsMultipartFormData(contentType) ? BodyFormat.Multipart
        : MediaTypes.IsCsv(contentType) ? BodyFormat.Csv
        : BodyFormat.Text;

    /// <summary>
    /// How the server parses a body with this content type and these first bytes: by <see cref="GetBodyFormat(string?)"/>
    /// when the content type names a media type, else sniffed (<see cref="SniffBodyFormat"/>).
    /// </summary>
    public static BodyFormat GetBodyFormat(string? contentType, ReadOnlySpan<byte> firstBytes) =>
        MediaTypes.Essence(contentType).IsEmpty ? SniffBodyFormat(firstBytes) : GetBodyFormat(contentType);

    /// <summary>
    /// The format of a body that came without a content type, from its first bytes: <see cref="BodyFormat.Json"/> when
    /// the first byte that is not blank (space, tab, CR, LF) is <c>{</c> or <c>[</c>, else <see cref="BodyFormat.Text"/>
    /// (a body that starts with a byte order mark is text: the JSON reader does not take one). The server and
    /// <c>explain</c> both sniff this way.
    /// </summary>
    public static BodyFormat SniffBodyFormat(ReadOnlySpan<byte> firstBytes)
    {
        var trimmed = firstBytes.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] is (byte)'{' or (byte)'[' ? BodyFormat.Json : BodyFormat.Text;
    }
}
