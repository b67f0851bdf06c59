using PiiExtProc.Policy.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Policy;

/// <summary>One compiled rule of a <see cref="PolicySnapshot"/> (the top-level settings form the rule named <c>default</c>). Immutable.</summary>
public sealed class PolicyRule
{
    private readonly RoutePolicy _request;
    private readonly RoutePolicy _response;

    internal PolicyRule(
        string name,
        int line,
        RouteSelector selector,
        string policyVersion,
        ScannerOptions scannerOptions,
        PiiScanner scanner,
        bool observeOnly,
        UnscannableAction onUnscannable,
        long maxBodyBytes,
        UnknownEncodingAction onUnknownEncoding,
        BlockResponse blockResponse,
        IReadOnlyList<string> scanHeaders,
        IReadOnlyList<string> scannedContentTypes)
    {
        Name = name;
        Line = line;
        Selector = selector;
        PolicyVersion = policyVersion;
        ScannerOptions = scannerOptions;
        Scanner = scanner;
        ObserveOnly = observeOnly;
        OnUnscannable = onUnscannable;
        MaxBodyBytes = maxBodyBytes;
        OnUnknownEncoding = onUnknownEncoding;
        BlockResponse = blockResponse;
        ScanHeaders = scanHeaders;
        ScansQueryString = scanHeaders.Contains(":path");
        ScannedContentTypes = scannedContentTypes;
        _request = new RoutePolicy(this, TrafficDirection.Request);
        _response = new RoutePolicy(this, TrafficDirection.Response);
    }

    /// <summary>The rule name; <c>default</c> for the top-level settings.</summary>
    public string Name { get; }

    /// <summary>The line of the rule in the policy file; 0 for the default rule.</summary>
    public int Line { get; }

    /// <summary>The policy version this rule belongs to.</summary>
    public string PolicyVersion { get; }

    /// <summary>The options the scanner was compiled from.</summary>
    public ScannerOptions ScannerOptions { get; }

    /// <summary>The compiled scanner (shared with other rules whose options are the same).</summary>
    public PiiScanner Scanner { get; }

    /// <summary>See <see cref="RoutePolicy.ObserveOnly"/>.</summary>
    public bool ObserveOnly { get; }

    /// <summary>See <see cref="RoutePolicy.OnUnscannable"/>.</summary>
    public UnscannableAction OnUnscannable { get; }

    /// <summary>See <see cref="RoutePolicy.MaxBodyBytes"/>.</summary>
    public long MaxBodyBytes { get; }

    /// <summary>See <see cref="RoutePolicy.OnUnknownEncoding"/>.</summary>
    public UnknownEncodingAction OnUnknownEncoding { get; }

    /// <summary>See <see cref="RoutePolicy.BlockResponse"/>.</summary>
    public BlockResponse BlockResponse { get; }

    /// <summary>See <see cref="RoutePolicy.ScanHeaders"/>.</summary>
    public IReadOnlyList<string> ScanHeaders { get; }

    /// <summary>See <see cref="RoutePolicy.ScansQueryString"/>.</summary>
    public bool ScansQueryString { get; }

    /// <summary>See <see cref="RoutePolicy.ScannedContentTypes"/>.</summary>
    public IReadOnlyList<string> ScannedContentTypes { get; }

    internal RouteSelector Selector { get; }

    /// <summary>The prebuilt route policy of this rule for one direction (no allocation).</summary>
    public RoutePolicy For(TrafficDirection direction) => direction == TrafficDirection.Request ? _request : _response;
}
