using PiiExtProc.Policy.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Loading;

/// <summary>One rule with the top-level settings merged in and its <see cref="ScannerOptions"/> built; not yet compiled into a scanner.</summary>
internal sealed record RuleBlueprint(
    string Name,
    int Line,
    int Column,
    RouteSelector Selector,
    ScannerOptions ScannerOptions,
    string ScannerKey,
    bool ObserveOnly,
    UnscannableAction OnUnscannable,
    long MaxBodyBytes,
    UnknownEncodingAction OnUnknownEncoding,
    BlockResponse BlockResponse,
    IReadOnlyList<string> ScanHeaders,
    IReadOnlyList<string> ScannedContentTypes);
