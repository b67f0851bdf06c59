namespace PiiExtProc.Policy;

/// <summary>The immediate response sent instead of the upstream exchange when a rule blocks it.</summary>
/// <param name="StatusCode">HTTP status, 200-599. Default 403.</param>
/// <param name="Body">The body, UTF-8 JSON.</param>
public sealed record BlockResponse(int StatusCode, ReadOnlyMemory<byte> Body)
{
    /// <summary>The content type of <see cref="Body"/>.</summary>
    public const string ContentType = "application/json";

    /// <summary>The block response used when a policy gives none: 403 and <c>{"error":"blocked: personal data policy"}</c>.</summary>
    public static BlockResponse Default { get; } = new(403, "{\"error\":\"blocked: personal data policy\"}"u8.ToArray());
}
