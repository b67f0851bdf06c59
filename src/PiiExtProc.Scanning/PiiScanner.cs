using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Sessions;

namespace PiiExtProc.Scanning;

/// <summary>
/// The compiled detection engine for one set of <see cref="ScannerOptions"/>: keyword tables, recognizers, validators
/// and operators. Immutable and thread-safe; built once per policy rule and shared by every stream. Per-body state lives
/// in the <see cref="BodyScanSession"/>s it creates.
/// </summary>
public sealed class PiiScanner
{
    private readonly RedactionOperator?[] _operators = new RedactionOperator?[BuiltInId.Count];

    /// <summary>By built-in id: what the entity's operator does to a finding (filled for enabled entities only, the only ones read).</summary>
    private readonly FindingAction[] _operatorActions = new FindingAction[BuiltInId.Count];
    private readonly Dictionary<PiiEntity, RedactionOperator> _customOperators = new(ReferenceEqualityComparer.Instance);
    private readonly ScanSessionPool _sessionPool;

    private PiiScanner(ScannerOptions options)
    {
        Options = options;
        _sessionPool = new ScanSessionPool(this, ScanSessionPool.DefaultCapacity);
        if (options.Limits.MaxRecordBytes < 1024 || options.Limits.MaxJsonDepth is < 1 or > 100_000
            || options.Limits.MaxFindingsKept < 0)
        {
            throw new ScannerConfigurationException(
                "Scan limits out of range: MaxRecordBytes >= 1024, MaxJsonDepth in [1, 100000], MaxFindingsKept >= 0.");
        }

        if (options.Combination.MinimumDistinctEntities < 1)
        {
            throw new ScannerConfigurationException("Combination rule: MinimumDistinctEntities must be at least 1.");
        }

        foreach (KeyValuePair<PiiEntity, EntitySettings> pair in options.Entities)
        {
            if (pair.Value.Operator is null)
            {
                throw new ScannerConfigurationException($"Entity '{pair.Key.Name}' has no operator.");
            }

            int id = BuiltInId.Of(pair.Key);
            if (id >= 0)
            {
                _operators[id] = pair.Value.Operator;
                _operatorActions[id] = ActionOf(pair.Value.Operator);
            }
            else
            {
                _customOperators[pair.Key] = pair.Value.Operator;
            }
        }

        foreach (CustomRecognizerDefinition custom in options.CustomRecognizers)
        {
            if (custom?.Entity is not null && !options.Entities.ContainsKey(custom.Entity))
            {
                throw new ScannerConfigurationException(
                    $"Custom recognizer '{custom.Name}' reports entity '{custom.Entity.Name}', which has no settings.");
            }
        }

        if (!options.FingerprintKey.IsEmpty)
        {
            Fingerprint = new FindingFingerprint(options.FingerprintKey.Span);
        }

        EntityTable = new EntityTable(options, ActionOf);
        Keywords = new KeywordTable(options.DenyList);
        Detector = new Detector(options, Keywords);
    }

    /// <summary>The options this scanner was compiled from.</summary>
    public ScannerOptions Options { get; }

    internal Detector Detector { get; }

    /// <summary>The entities this scanner can report, by small integer index (sessions keep matches as indexes).</summary>
    internal EntityTable EntityTable { get; }

    /// <summary>The fingerprint function of findings, or null when the options have no fingerprint key.</summary>
    internal FindingFingerprint? Fingerprint { get; }

    /// <summary>The one keyword automaton of this scanner.</summary>
    internal KeywordTable Keywords { get; }

    /// <summary>
    /// Compiles <paramref name="options"/>.
    /// </summary>
    /// <exception cref="ScannerConfigurationException">A custom pattern or allow-list pattern does not compile,
    /// or a setting is out of range; the message names the item.</exception>
    public static PiiScanner Create(ScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PiiScanner(options);
    }

    /// <summary>
    /// Starts scanning one body (one direction of one HTTP exchange, or one file record).
    /// </summary>
    /// <param name="format">How to parse the body.</param>
    public BodyScanSession CreateSession(BodyFormat format) => new(this, format);

    /// <summary>
    /// Starts scanning one body with a session from this scanner's bounded pool (the hot path: no allocation once the
    /// pool is warm). The session behaves exactly like one from <see cref="CreateSession"/>; <see cref="BodyScanSession.Dispose"/>
    /// hands it back, exactly once, after which the caller must not touch it (nor its <see cref="BodyScanSession.Findings"/>
    /// list): copy what is needed first.
    /// </summary>
    /// <param name="format">How to parse the body.</param>
    public BodyScanSession RentSession(BodyFormat format) => _sessionPool.Rent(format);

    /// <summary>The pool behind <see cref="RentSession"/> (tests).</summary>
    internal ScanSessionPool SessionPool => _sessionPool;

    /// <summary>
    /// What the operator of an entity (built-in or custom) the options enable does to a finding: observe, block or
    /// redact (every rewriting kind). Per built-in entity from a table filled once.
    /// </summary>
    internal FindingAction OperatorActionFor(PiiEntity entity)
    {
        int id = BuiltInId.Of(entity);
        return id >= 0 && _operators[id] is not null ? _operatorActions[id] : ActionOf(OperatorFor(entity));
    }

    private static FindingAction ActionOf(RedactionOperator op) => op.Kind switch
    {
        OperatorKind.Observe => FindingAction.Observed,
        OperatorKind.Block => FindingAction.Blocked,
        _ => FindingAction.Redacted,
    };

    /// <summary>The operator for an entity (built-in or custom) the options enable.</summary>
    internal RedactionOperator OperatorFor(PiiEntity entity)
    {
        int id = BuiltInId.Of(entity);
        RedactionOperator? op = id >= 0 ? _operators[id] : _customOperators.GetValueOrDefault(entity);
        return op ?? throw new InvalidOperationException($"Entity '{entity.Name}' is not enabled.");
    }
}
