using System.Buffers;
using PiiExtProc.Cli;
using PiiExtProc.Processing;
using PiiExtProc.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Tests.Infrastructure;

/// <summary>Policies the test servers run with.</summary>
internal static class TestPolicies
{
    /// <summary>Every built-in entity masked with the default format-preserving mask; attributes observed;
    /// quasi-identifiers are PII on their own (so a lone email in a test body is masked).</summary>
    public static ScannerOptions MaskEverything(RedactionOperator? identifierOperator = null)
    {
        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var entity in PiiEntity.BuiltIn)
        {
            entities[entity] = new EntitySettings(entity.Category == EntityCategory.Attribute ? ObserveOperator.Instance : identifierOperator ?? DefaultMaskOperator.Instance);
        }

        return new ScannerOptions { Entities = entities, Combination = new CombinationRule(1) };
    }

    public static readonly PiiScanner MaskScanner = PiiScanner.Create(MaskEverything());

    /// <summary>The masking policy: fail closed on what cannot be scanned, 415 on unknown encodings.</summary>
    public static StaticPolicySnapshot Mask(bool failClosedWhenUnscannable = true, long maxBodyBytes = 8L * 1024 * 1024)
        => new(new DirectionPolicy { RuleName = "test-mask", Scanner = MaskScanner, FailClosedWhenUnscannable = failClosedWhenUnscannable, MaxBodyBytes = maxBodyBytes });

    /// <summary>Credit cards block the exchange (403); everything else is masked.</summary>
    public static StaticPolicySnapshot BlockCards()
    {
        var options = MaskEverything();
        var entities = new Dictionary<PiiEntity, EntitySettings>(options.Entities) { [PiiEntity.PaymentCard] = new EntitySettings(BlockOperator.Instance) };
        return new(new DirectionPolicy { RuleName = "test-block", Scanner = PiiScanner.Create(options with { Entities = entities }), BlockStatus = 403 });
    }

    /// <summary>The embedded default policy, as `PiiExtProc serve` runs it without --policy.</summary>
    public static IPolicySource Default() => new ReloadingPolicySource(null, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>The redaction the server's engine gives for a whole body in one piece: the oracle redact(x).</summary>
    public static byte[] RedactWhole(PiiScanner scanner, BodyFormat format, ReadOnlySpan<byte> body, out IReadOnlyList<PiiFinding> findings)
    {
        using var session = scanner.CreateSession(format);
        var output = new ArrayBufferWriter<byte>();
        var result = session.Process(body, isFinal: true, output);
        findings = session.Findings.ToList();
        return result.IsUnchanged ? body.ToArray() : output.WrittenSpan.ToArray();
    }

    /// <summary>The scanner the given policy source applies to a JSON body of <paramref name="direction"/>.</summary>
    public static PiiScanner ScannerOf(IPolicySource source, Direction direction, string contentType = "application/json")
        => source.Current.Resolve(new StreamRoute(null, "shop.example.in", "/api/orders", "POST"), direction, contentType).Scanner;
}
