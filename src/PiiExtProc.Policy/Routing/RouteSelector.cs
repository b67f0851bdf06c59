namespace PiiExtProc.Policy.Routing;

/// <summary>
/// The <c>match:</c> of a rule. Every field given must match (AND); within a field any item may match (OR);
/// an empty field matches everything. Immutable.
/// </summary>
internal sealed record RouteSelector(
    IReadOnlyList<string> RouteNames,
    IReadOnlyList<string> Authorities,
    IReadOnlyList<string> PathPrefixes,
    IReadOnlyList<string> Methods,
    IReadOnlyList<TrafficDirection> Directions,
    IReadOnlyList<string> ContentTypes)
{
    /// <summary>A selector that matches every request.</summary>
    public static RouteSelector All { get; } = new([], [], [], [], [], []);

    /// <summary>True when no field is given.</summary>
    public bool MatchesEverything =>
        RouteNames.Count == 0 && Authorities.Count == 0 && PathPrefixes.Count == 0 && Methods.Count == 0
        && Directions.Count == 0 && ContentTypes.Count == 0;

    /// <summary>A text form of the selector; equal for selectors that match the same requests as written.</summary>
    public string CanonicalText =>
        string.Join('|', string.Join(',', RouteNames), string.Join(',', Authorities), string.Join(',', PathPrefixes),
            string.Join(',', Methods), string.Join(',', Directions), string.Join(',', ContentTypes));

    /// <summary>True when the request matches. No allocation.</summary>
    public bool Matches(in RouteRequest request)
    {
        return MatchesDirection(request.Direction)
            && MatchesRouteName(request.RouteName)
            && MatchesMethod(request.Method)
            && MatchesAuthority(request.Authority)
            && MatchesPath(request.Path)
            && MatchesContentType(request.ContentType);
    }

    private bool MatchesDirection(TrafficDirection direction)
    {
        if (Directions.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < Directions.Count; i++)
        {
            if (Directions[i] == direction)
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesRouteName(string? routeName)
    {
        if (RouteNames.Count == 0)
        {
            return true;
        }

        if (routeName is null)
        {
            return false;
        }

        for (var i = 0; i < RouteNames.Count; i++)
        {
            if (string.Equals(RouteNames[i], routeName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesMethod(string? method)
    {
        if (Methods.Count == 0)
        {
            return true;
        }

        if (method is null)
        {
            return false;
        }

        for (var i = 0; i < Methods.Count; i++)
        {
            if (string.Equals(Methods[i], method, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAuthority(string? authority)
    {
        if (Authorities.Count == 0)
        {
            return true;
        }

        if (authority is null)
        {
            return false;
        }

        var host = StripPort(authority.AsSpan());
        for (var i = 0; i < Authorities.Count; i++)
        {
            var pattern = Authorities[i];
            if (pattern == "*")
            {
                return true;
            }

            var candidate = pattern.Contains(':', StringComparison.Ordinal) ? authority.AsSpan() : host;
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                // "*.example.com" matches "a.example.com" and "a.b.example.com", not "example.com".
                if (candidate.Length > pattern.Length - 1
                    && candidate.EndsWith(pattern.AsSpan(1), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (candidate.Equals(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesPath(string? path)
    {
        if (PathPrefixes.Count == 0)
        {
            return true;
        }

        if (path is null)
        {
            return false;
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        var pathOnly = query >= 0 ? path.AsSpan(0, query) : path.AsSpan();
        for (var i = 0; i < PathPrefixes.Count; i++)
        {
            if (pathOnly.StartsWith(PathPrefixes[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesContentType(string? contentType)
    {
        if (ContentTypes.Count == 0)
        {
            return true;
        }

        if (contentType is null)
        {
            return false;
        }

        for (var i = 0; i < ContentTypes.Count; i++)
        {
            if (MediaTypes.Matches(ContentTypes[i], contentType))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> authority)
    {
        // "[::1]:8080" → "[::1]"; "host:443" → "host"; a bare IPv6 address without brackets is left alone.
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || (authority.IndexOf(':') != colon && !authority.StartsWith("[")))
        {
            return authority;
        }

        var closing = authority.LastIndexOf(']');
        return closing > colon ? authority : authority[..colon];
    }
}
