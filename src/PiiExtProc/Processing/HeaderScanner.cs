using Envoy.Config.Core.V3;
using Envoy.Service.ExtProc.V3;
using PiiExtProc.Diagnostics;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;

namespace PiiExtProc.Processing;

/// <summary>
/// Scans the header values a policy names (issue 4 §4) and builds the header mutation that replaces redacted ones,
/// in raw_value. In <c>:path</c>, and in any header whose value is a URL or a path (<c>referer</c>, <c>location</c>), only
/// the query string is scanned, as a form (<see cref="BodyFormat.FormUrlEncoded"/>: <c>?email=ravi.k%40example.com</c> is
/// decoded); the path before it and a fragment after it are kept. Other headers are scanned as text. Headers Envoy never lets an external processor
/// change (host, :authority, :scheme, :method, x-envoy-*; extproc-protocol.md §10) are never touched.
/// </summary>
internal static class HeaderScanner
{
    /// <summary>Scans and returns the mutation, or null when nothing changed.</summary>
    /// <param name="headers">The headers Envoy sent.</param>
    /// <param name="policy">The direction's policy (its header list and scanner).</param>
    /// <param name="direction">Request or response.</param>
    /// <param name="telemetry">Receives one report per header with findings.</param>
    /// <param name="policyVersion">For the reports.</param>
    /// <param name="requestIdHeader">The x-request-id header, decoded for the reports only when a header has findings.</param>
    /// <param name="blocked">True when a finding asks to block the exchange.</param>
    public static HeaderMutation? Scan(
        HeaderMap? headers,
        DirectionPolicy policy,
        Direction direction,
        IProcessingTelemetry telemetry,
        string policyVersion,
        HeaderValue? requestIdHeader,
        out bool blocked)
    {
        blocked = false;
        if (headers is null || policy.HeadersToScan.Count == 0)
        {
            return null;
        }

        HeaderMutation? mutation = null;
        // The output buffer is created at the first header actually scanned: most headers messages have none.
        PooledBufferWriter? output = null;
        try
        {
            var list = headers.Headers;
            for (var i = 0; i < list.Count; i++)
            {
                var header = list[i];
                if (!IsSelected(policy.HeadersToScan, header.Key) || IsProtected(header.Key))
                {
                    continue;
                }

                var value = HeaderValues.Bytes(header);
                var prefixLength = 0;
                var suffixStart = value.Length;
                var format = BodyFormat.Text;
                var query = IsUrl(header.Key, value) ? value.IndexOf((byte)'?') : -1;
                if (query >= 0)
                {
                    // A URL's query string is form-urlencoded: values are decoded, scanned as one record, encoded again.
                    // The path before it and a fragment after it are kept as they are.
                    prefixLength = query + 1;
                    var fragment = value[prefixLength..].IndexOf((byte)'#');
                    suffixStart = fragment < 0 ? value.Length : prefixLength + fragment;
                    format = BodyFormat.FormUrlEncoded;
                }
                else if (header.Key == ":path")
                {
                    continue;
                }

                output ??= new PooledBufferWriter();
                output.Reset();
                value[..prefixLength].CopyTo(output.GetSpan(prefixLength));
                output.Advance(prefixLength);
                using var session = policy.Scanner.RentSession(format);
                var result = session.Process(value[prefixLength..suffixStart], isFinal: true, output);
                var suffix = value[suffixStart..];
                suffix.CopyTo(output.GetSpan(suffix.Length));
                output.Advance(suffix.Length);
                if (session.FindingCount > 0)
                {
                    telemetry.BodyScanned(new BodyScanReport(
                        direction, policy.RuleName, policyVersion, HeaderValues.ToText(requestIdHeader), suffixStart - prefixLength,
                        ReportFindings.CopyOf(session.Findings), session.FindingCount, result.BlockRequested));
                }

                if (result.BlockRequested)
                {
                    blocked = true;
                    return null;
                }

                if (!result.IsUnchanged)
                {
                    mutation ??= new HeaderMutation();
                    mutation.SetHeaders.Add(HeaderValues.Overwrite(header.Key, output.WrittenMemory));
                }
            }
        }
        finally
        {
            output?.Dispose();
        }

        return mutation;
    }

    /// <summary>
    /// True for a header whose value is a URL or a path (<c>:path</c>, <c>referer</c>, <c>location</c>...): the key is
    /// <c>:path</c>, or the value starts with <c>/</c> or has <c>://</c> before any <c>?</c>.
    /// </summary>
    private static bool IsUrl(string key, ReadOnlySpan<byte> value)
    {
        if (key == ":path" || (!value.IsEmpty && value[0] == '/'))
        {
            return true;
        }

        var scheme = value.IndexOf("://"u8);
        var query = value.IndexOf((byte)'?');
        return scheme > 0 && (query < 0 || scheme < query);
    }

    private static bool IsSelected(IReadOnlyList<string> names, string key)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProtected(string key)
        => key.Equals("host", StringComparison.OrdinalIgnoreCase)
            || key is ":authority" or ":scheme" or ":method" or ":status"
            || key.StartsWith("x-envoy-", StringComparison.OrdinalIgnoreCase);
}
