using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PiiExtProc.Policy.Routing;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.Policy.Loading;

/// <summary>
/// Parses and validates a policy file (schema in POLICY.md) into a <see cref="PolicyDefinition"/>, collecting every
/// error with its line and column. Throws <see cref="PolicyException"/> when there is any.
/// </summary>
internal sealed class PolicyLoader
{
    public const int SupportedVersion = 1;

    private static readonly string[] s_settingKeys =
    [
        "entities", "allow_list", "combination", "limits", "observe_only", "on_unscannable", "max_body_bytes",
        "on_unknown_encoding", "block_response", "scan_headers", "scan_content_types",
    ];

    private static readonly string[] s_topKeys =
        [.. new[] { "version", "hash_key_file", "hash_key_env", "custom_recognizers", "deny_list", "rules" }, .. s_settingKeys];

    private static readonly string[] s_ruleKeys = [.. new[] { "name", "match" }, .. s_settingKeys];
    private static readonly string[] s_matchKeys = ["route_names", "authorities", "path_prefixes", "methods", "directions", "content_types"];
    private static readonly string[] s_entityKeys = ["enabled", "threshold", "operator"];
    private static readonly string[] s_operatorKeys = ["type", "keep_first", "keep_last", "mask_char", "keep_separators", "label", "key_file", "key_env"];
    private static readonly string[] s_recognizerKeys = ["name", "entity", "category", "pattern", "score", "context", "validator"];
    private static readonly string[] s_allowKeys = ["value", "pattern", "entity"];
    private static readonly string[] s_denyKeys = ["term", "entity"];
    private static readonly string[] s_combinationKeys = ["enabled", "min_distinct"];
    private static readonly string[] s_limitsKeys = ["max_record_bytes", "max_findings_kept", "max_json_depth"];
    private static readonly string[] s_blockKeys = ["status", "body"];

    private static readonly (string, OperatorKind)[] s_operatorKinds =
    [
        ("mask", OperatorKind.Mask), ("replace", OperatorKind.Replace), ("redact", OperatorKind.Redact),
        ("hash", OperatorKind.Hash), ("block", OperatorKind.Block), ("observe", OperatorKind.Observe),
    ];

    private static readonly (string, UnscannableAction)[] s_unscannable =
        [("fail_open", UnscannableAction.FailOpen), ("fail_closed", UnscannableAction.FailClosed)];

    private static readonly (string, UnknownEncodingAction)[] s_unknownEncoding =
        [("pass", UnknownEncodingAction.Pass), ("block", UnknownEncodingAction.Block)];

    private static readonly (string, TrafficDirection)[] s_directions =
        [("request", TrafficDirection.Request), ("response", TrafficDirection.Response)];

    private static readonly (string, EntityCategory)[] s_categories =
    [
        ("identifier", EntityCategory.Identifier), ("quasi_identifier", EntityCategory.QuasiIdentifier),
        ("attribute", EntityCategory.Attribute),
    ];

    private static readonly (string, int)[] s_validators = [("luhn", 0), ("verhoeff", 1), ("mod97", 2), ("none", 3)];

    private readonly PolicyReader _reader;
    private readonly HashKeyLoader _keys;
    private readonly Dictionary<string, PiiEntity> _customEntities = new(StringComparer.Ordinal);
    private string? _hashKeyFile;
    private YamlNode? _hashKeyFileNode;
    private string? _hashKeyEnv;
    private YamlNode? _hashKeyEnvNode;

    private PolicyLoader(string file, PolicyLoadContext context)
    {
        _reader = new PolicyReader(file);
        _keys = new HashKeyLoader(context, _reader);
    }

    /// <summary>The name rules may not take: the rule used when no other matches.</summary>
    public const string DefaultRuleName = "default";

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="PolicyException">The policy has errors; all of them are listed.</exception>
    public static PolicyDefinition Load(string text, string file, PolicyLoadContext context)
    {
        var loader = new PolicyLoader(file, context);
        var definition = loader.Parse(text);
        if (loader._reader.Errors.Count > 0 || definition is null)
        {
            throw new PolicyException(loader._reader.Errors);
        }

        return definition;
    }

    /// <summary>A short, stable version of a policy text: the first 12 hex digits of its SHA-256.</summary>
    public static string ComputeVersion(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash[..6]);
    }

    private PolicyDefinition? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            // Syntax errors (and duplicate keys) stop the parse; YamlDotNet's message names the construct, not values.
            _reader.Error(exception.Start, "invalid YAML: " + SyntaxMessage(exception));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            _reader.FileError(stream.Documents.Count == 0 ? "the policy file is empty; expected a mapping with version: 1." : "the policy file must hold exactly one YAML document.");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        var entries = _reader.Entries(root, "the policy", s_topKeys);
        if (root is not YamlMappingNode)
        {
            return null;
        }

        if (!entries.TryGetValue("version", out var versionEntry))
        {
            _reader.Error(root, "missing key 'version'; expected version: 1.");
        }
        else if (_reader.Int(versionEntry.Value, "version", SupportedVersion, SupportedVersion) is null)
        {
            // Reported by Int.
        }

        if (entries.TryGetValue("hash_key_file", out var keyFile))
        {
            _hashKeyFile = _reader.String(keyFile.Value, "hash_key_file");
            _hashKeyFileNode = keyFile.Value;
        }

        if (entries.TryGetValue("hash_key_env", out var keyEnv))
        {
            _hashKeyEnv = _reader.String(keyEnv.Value, "hash_key_env");
            _hashKeyEnvNode = keyEnv.Value;
        }

        // Custom recognizers first: they declare the custom entities that entities: and rules: refer to.
        var recognizers = entries.TryGetValue("custom_recognizers", out var recognizersEntry)
            ? ParseRecognizers(recognizersEntry.Value)
            : [];
        var denyList = entries.TryGetValue("deny_list", out var denyEntry) ? ParseDenyList(denyEntry.Value) : [];
        var defaults = ParseSettings(entries, "the policy");
        var rules = entries.TryGetValue("rules", out var rulesEntry) ? ParseRules(rulesEntry.Value) : [];

        var customEntities = new List<PiiEntity>(_customEntities.Values);
        return new PolicyDefinition(_reader.File, ComputeVersion(Encoding.UTF8.GetBytes(text)), recognizers, customEntities, denyList, defaults, rules);
    }

    private static string SyntaxMessage(YamlException exception)
    {
        // YamlDotNet messages start with "(Line: 3, Col: 5, Idx: ..) - (...): " followed by the reason.
        var message = exception.Message;
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? message[(marker + 3)..] : message;
    }

    private RuleSettings ParseSettings(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries, string where)
    {
        var settings = new RuleSettings();
        foreach (var (key, (_, value)) in entries)
        {
            switch (key)
            {
                case "entities":
                    settings.Entities = ParseEntities(value, where);
                    break;
                case "allow_list":
                    settings.AllowList = ParseAllowList(value);
                    break;
                case "combination":
                    var combination = _reader.Entries(value, "combination", s_combinationKeys);
                    if (combination.TryGetValue("enabled", out var enabled))
                    {
                        settings.CombinationEnabled = _reader.Bool(enabled.Value, "combination.enabled");
                    }

                    if (combination.TryGetValue("min_distinct", out var minDistinct))
                    {
                        settings.CombinationMinimumDistinct = _reader.Int(minDistinct.Value, "combination.min_distinct", 1, 19);
                    }

                    break;
                case "limits":
                    var limits = _reader.Entries(value, "limits", s_limitsKeys);
                    if (limits.TryGetValue("max_record_bytes", out var record))
                    {
                        settings.MaxRecordBytes = (int?)_reader.Size(record.Value, "limits.max_record_bytes", 1024, 64L * 1024 * 1024);
                    }

                    if (limits.TryGetValue("max_findings_kept", out var findings))
                    {
                        settings.MaxFindingsKept = _reader.Int(findings.Value, "limits.max_findings_kept", 0, 1_000_000);
                    }

                    if (limits.TryGetValue("max_json_depth", out var depth))
                    {
                        settings.MaxJsonDepth = _reader.Int(depth.Value, "limits.max_json_depth", 1, 10_000);
                    }

                    break;
                case "observe_only":
                    settings.ObserveOnly = _reader.Bool(value, "observe_only");
                    break;
                case "on_unscannable":
                    settings.OnUnscannable = _reader.Enum(value, "on_unscannable", s_unscannable);
                    break;
                case "max_body_bytes":
                    settings.MaxBodyBytes = _reader.Size(value, "max_body_bytes", 1, 1024L * 1024 * 1024);
                    break;
                case "on_unknown_encoding":
                    settings.OnUnknownEncoding = _reader.Enum(value, "on_unknown_encoding", s_unknownEncoding);
                    break;
                case "block_response":
                    settings.BlockResponse = ParseBlockResponse(value);
                    break;
                case "scan_headers":
                    settings.ScanHeaders = ParseHeaderNames(value);
                    break;
                case "scan_content_types":
                    settings.ScanContentTypes = ParseContentTypes(value, "scan_content_types");
                    break;
                default:
                    break;
            }
        }

        return settings;
    }

    private Dictionary<PiiEntity, EntitySettings?>? ParseEntities(YamlNode node, string where)
    {
        var result = new Dictionary<PiiEntity, EntitySettings?>();
        foreach (var (name, (keyNode, value)) in _reader.Entries(node, $"entities of {where}", []))
        {
            if (ResolveEntity(name, keyNode) is not { } entity)
            {
                continue;
            }

            // Shorthand: IN_AADHAAR: mask
            if (value is YamlScalarNode)
            {
                if (ParseOperator(value, name) is { } shorthand)
                {
                    result[entity] = new EntitySettings(shorthand);
                }

                continue;
            }

            var entries = _reader.Entries(value, $"entity {name}", s_entityKeys);
            if (entries.TryGetValue("enabled", out var enabled) && _reader.Bool(enabled.Value, $"{name}.enabled") == false)
            {
                result[entity] = null;
                continue;
            }

            var threshold = entries.TryGetValue("threshold", out var thresholdEntry)
                ? _reader.Float(thresholdEntry.Value, $"{name}.threshold", 0f, 1f) ?? 0.5f
                : 0.5f;
            RedactionOperator? op = DefaultMaskOperator.Instance;
            if (entries.TryGetValue("operator", out var operatorEntry))
            {
                op = ParseOperator(operatorEntry.Value, name);
            }

            if (op is not null)
            {
                result[entity] = new EntitySettings(op, threshold);
            }
        }

        return result;
    }

    private RedactionOperator? ParseOperator(YamlNode node, string entityName)
    {
        var what = $"the operator of {entityName}";
        if (node is YamlScalarNode)
        {
            return _reader.Enum(node, what, s_operatorKinds) switch
            {
                OperatorKind.Mask => DefaultMaskOperator.Instance,
                OperatorKind.Replace => new ReplaceOperator(),
                OperatorKind.Redact => RedactOperator.Instance,
                OperatorKind.Hash => DefaultHashOperator(node),
                OperatorKind.Block => BlockOperator.Instance,
                OperatorKind.Observe => ObserveOperator.Instance,
                _ => null,
            };
        }

        var entries = _reader.Entries(node, what, s_operatorKeys);
        if (node is not YamlMappingNode)
        {
            return null;
        }

        if (!entries.TryGetValue("type", out var typeEntry))
        {
            _reader.Error(node, $"missing key 'type' in {what}; expected one of: mask, replace, redact, hash, block, observe.");
            return null;
        }

        var kind = _reader.Enum(typeEntry.Value, $"{what}: type", s_operatorKinds);
        if (kind is null)
        {
            return null;
        }

        RejectKeysNotFor(kind.Value, entries, what);
        switch (kind.Value)
        {
            case OperatorKind.Mask:
                return ParseMask(node, entries, what);
            case OperatorKind.Replace:
                return new ReplaceOperator(entries.TryGetValue("label", out var label) ? _reader.String(label.Value, $"{what}: label") : null);
            case OperatorKind.Redact:
                return RedactOperator.Instance;
            case OperatorKind.Hash:
                if (entries.TryGetValue("key_file", out var file))
                {
                    return _reader.String(file.Value, $"{what}: key_file") is { } path ? _keys.FromFile(path, file.Value) : null;
                }

                if (entries.TryGetValue("key_env", out var env))
                {
                    return _reader.String(env.Value, $"{what}: key_env") is { } name ? _keys.FromEnvironment(name, env.Value) : null;
                }

                return DefaultHashOperator(typeEntry.Value);
            case OperatorKind.Block:
                return BlockOperator.Instance;
            default:
                return ObserveOperator.Instance;
        }
    }

    private RedactionOperator? ParseMask(YamlNode node, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries, string what)
    {
        if (!entries.ContainsKey("keep_first") && !entries.ContainsKey("keep_last") && !entries.ContainsKey("mask_char") && !entries.ContainsKey("keep_separators"))
        {
            // type: mask with no settings is the format-preserving default mask.
            return DefaultMaskOperator.Instance;
        }

        var ok = true;
        var keepFirst = 0;
        var keepLast = 0;
        var maskChar = 'X';
        var keepSeparators = true;
        if (entries.TryGetValue("keep_first", out var first))
        {
            ok &= _reader.Int(first.Value, $"{what}: keep_first", 0, 64) is { } value && (keepFirst = value) >= 0;
        }

        if (entries.TryGetValue("keep_last", out var last))
        {
            ok &= _reader.Int(last.Value, $"{what}: keep_last", 0, 64) is { } value && (keepLast = value) >= 0;
        }

        if (entries.TryGetValue("mask_char", out var mask))
        {
            var text = _reader.String(mask.Value, $"{what}: mask_char");
            if (text is { Length: 1 } && !char.IsSurrogate(text[0]) && !char.IsControl(text[0]) && !char.IsLetterOrDigit(text[0]) || text is "X" or "x")
            {
                maskChar = text[0];
            }
            else
            {
                ok = false;
                if (text is not null)
                {
                    _reader.Error(mask.Value, $"{what}: mask_char must be one printable character that is not a letter or digit (or X), such as X, * or #.");
                }
            }
        }

        if (entries.TryGetValue("keep_separators", out var separators))
        {
            ok &= _reader.Bool(separators.Value, $"{what}: keep_separators") is { } value && ((keepSeparators = value) || true);
        }

        _ = node;
        return ok ? new MaskOperator(keepFirst, keepLast, maskChar, keepSeparators) : null;
    }

    private void RejectKeysNotFor(OperatorKind kind, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries, string what)
    {
        foreach (var (key, (keyNode, _)) in entries)
        {
            var allowed = key == "type" || kind switch
            {
                OperatorKind.Mask => key is "keep_first" or "keep_last" or "mask_char" or "keep_separators",
                OperatorKind.Replace => key is "label",
                OperatorKind.Hash => key is "key_file" or "key_env",
                _ => false,
            };
            if (!allowed)
            {
                _reader.Error(keyNode, $"key '{key}' does not apply to a {kind.ToString().ToLowerInvariant()} operator in {what}.");
            }
        }

        if (kind == OperatorKind.Hash && entries.ContainsKey("key_file") && entries.TryGetValue("key_env", out var keyEnv))
        {
            _reader.Error(keyEnv.Key, $"{what}: give key_file or key_env, not both.");
        }
    }

    private HashOperator? DefaultHashOperator(YamlNode usedAt)
    {
        if (_hashKeyFile is not null)
        {
            return _keys.FromFile(_hashKeyFile, _hashKeyFileNode!);
        }

        if (_hashKeyEnv is not null)
        {
            return _keys.FromEnvironment(_hashKeyEnv, _hashKeyEnvNode);
        }

        return _keys.FromEnvironment(HashKeyLoader.DefaultEnvironmentVariable, usedAt);
    }

    private PiiEntity? ResolveEntity(string name, YamlNode node)
    {
        if (PiiEntity.FindBuiltIn(name) is { } builtIn)
        {
            return builtIn;
        }

        if (_customEntities.TryGetValue(name, out var custom))
        {
            return custom;
        }

        _reader.Error(node, $"unknown entity '{PolicyReader.Echo(name)}'; expected a built-in entity ({string.Join(", ", BuiltInNames())}) or one declared by custom_recognizers.");
        return null;
    }

    private static IEnumerable<string> BuiltInNames()
    {
        foreach (var entity in PiiEntity.BuiltIn)
        {
            yield return entity.Name;
        }
    }

    private List<CustomRecognizerDefinition> ParseRecognizers(YamlNode node)
    {
        var result = new List<CustomRecognizerDefinition>();
        if (_reader.Sequence(node, "custom_recognizers") is not { } sequence)
        {
            return result;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            var entries = _reader.Entries(item, "a custom recognizer", s_recognizerKeys);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var name = Required(entries, "name", item, "a custom recognizer");
            var entityName = Required(entries, "entity", item, "a custom recognizer");
            var pattern = Required(entries, "pattern", item, "a custom recognizer");
            if (name is not null && !IsRecognizerName(name))
            {
                _reader.Error(entries["name"].Value, "a custom recognizer name must be 1-64 characters of a-z, 0-9 and '_'.");
                name = null;
            }
            else if (name is not null && !names.Add(name))
            {
                _reader.Error(entries["name"].Value, $"duplicate custom recognizer name '{name}'.");
                name = null;
            }

            var category = entries.TryGetValue("category", out var categoryEntry)
                ? _reader.Enum(categoryEntry.Value, "category", s_categories)
                : EntityCategory.Identifier;
            PiiEntity? entity = null;
            if (entityName is not null)
            {
                entity = DeclareEntity(entityName, category ?? EntityCategory.Identifier, entries["entity"].Value, categoryEntry.Value);
            }

            if (pattern is not null && !CompilePattern(pattern, entries["pattern"].Value, "pattern"))
            {
                pattern = null;
            }

            var score = entries.TryGetValue("score", out var scoreEntry) ? _reader.Float(scoreEntry.Value, "score", 0f, 1f) : 0.6f;
            var context = new List<string>();
            if (entries.TryGetValue("context", out var contextEntry) && _reader.StringList(contextEntry.Value, "context") is { } words)
            {
                foreach (var (word, _) in words)
                {
                    context.Add(word);
                }
            }

            var validator = entries.TryGetValue("validator", out var validatorEntry)
                ? (_reader.Enum(validatorEntry.Value, "validator", s_validators) is { } chosen ? Validator(s_validators[chosen].Item1) : null)
                : null;

            if (name is not null && entity is not null && pattern is not null && score is not null)
            {
                result.Add(new CustomRecognizerDefinition(name, entity, pattern, score.Value, context, validator));
            }
        }

        return result;
    }

    private static string? Validator(string name) => name == "none" ? null : name;

    private PiiEntity? DeclareEntity(string name, EntityCategory category, YamlNode node, YamlNode? categoryNode)
    {
        if (PiiEntity.FindBuiltIn(name) is { } builtIn)
        {
            if (categoryNode is not null)
            {
                _reader.Error(categoryNode, $"category applies only to custom entities; {name} is built in.");
            }

            return builtIn;
        }

        if (_customEntities.TryGetValue(name, out var existing))
        {
            if (existing.Category != category)
            {
                _reader.Error(node, $"custom entity {name} is declared with two different categories.");
            }

            return existing;
        }

        try
        {
            var created = PiiEntity.CreateCustom(name, category);
            _customEntities[name] = created;
            return created;
        }
        catch (ArgumentException)
        {
            _reader.Error(node, "a custom entity name must be 1-64 characters of A-Z, 0-9 and '_'.");
            return null;
        }
    }

    private List<AllowListEntry> ParseAllowList(YamlNode node)
    {
        var result = new List<AllowListEntry>();
        if (_reader.Sequence(node, "allow_list") is not { } sequence)
        {
            return result;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode)
            {
                if (_reader.String(item, "an allow_list item") is { } exact)
                {
                    result.Add(new AllowListEntry(exact, IsPattern: false));
                }

                continue;
            }

            var entries = _reader.Entries(item, "an allow_list item", s_allowKeys);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var hasValue = entries.TryGetValue("value", out var valueEntry);
            var hasPattern = entries.TryGetValue("pattern", out var patternEntry);
            if (hasValue == hasPattern)
            {
                _reader.Error(item, "an allow_list item needs exactly one of 'value' (exact match) or 'pattern' (regular expression).");
                continue;
            }

            PiiEntity? entity = null;
            if (entries.TryGetValue("entity", out var entityEntry) && _reader.String(entityEntry.Value, "entity") is { } entityName)
            {
                entity = ResolveEntity(entityName, entityEntry.Value);
                if (entity is null)
                {
                    continue;
                }
            }

            if (hasValue && _reader.String(valueEntry.Value, "value") is { } value)
            {
                result.Add(new AllowListEntry(value, IsPattern: false, entity));
            }
            else if (hasPattern && _reader.String(patternEntry.Value, "pattern") is { } pattern && CompilePattern(pattern, patternEntry.Value, "pattern"))
            {
                result.Add(new AllowListEntry(pattern, IsPattern: true, entity));
            }
        }

        return result;
    }

    private List<DenyListEntry> ParseDenyList(YamlNode node)
    {
        var result = new List<DenyListEntry>();
        if (_reader.Sequence(node, "deny_list") is not { } sequence)
        {
            return result;
        }

        foreach (var item in sequence.Children)
        {
            var entries = _reader.Entries(item, "a deny_list item", s_denyKeys);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var term = Required(entries, "term", item, "a deny_list item");
            var entityName = Required(entries, "entity", item, "a deny_list item");
            var entity = entityName is null ? null : ResolveEntity(entityName, entries["entity"].Value);
            if (term is { Length: 0 })
            {
                _reader.Error(entries["term"].Value, "a deny_list term must not be empty.");
            }
            else if (term is not null && entity is not null)
            {
                result.Add(new DenyListEntry(term, entity));
            }
        }

        return result;
    }

    private List<RuleDefinition> ParseRules(YamlNode node)
    {
        var result = new List<RuleDefinition>();
        if (_reader.Sequence(node, "rules") is not { } sequence)
        {
            return result;
        }

        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var selectors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? catchAll = null;
        foreach (var item in sequence.Children)
        {
            var entries = _reader.Entries(item, "a rule", s_ruleKeys);
            if (item is not YamlMappingNode)
            {
                continue;
            }

            var name = Required(entries, "name", item, "a rule");
            if (name is not null)
            {
                var nameNode = entries["name"].Value;
                if (!IsRuleName(name))
                {
                    _reader.Error(nameNode, "a rule name must be 1-63 characters of a-z, 0-9, '_', '-' and '.', starting with a letter or digit (it is a metric label).");
                    name = null;
                }
                else if (name == DefaultRuleName)
                {
                    _reader.Error(nameNode, "the rule name 'default' is reserved for the top-level settings, which apply when no rule matches.");
                    name = null;
                }
                else if (names.TryGetValue(name, out var first))
                {
                    _reader.Error(nameNode, $"duplicate rule name '{name}'; first used at line {first.Start.Line}.");
                    name = null;
                }
                else
                {
                    names[name] = nameNode;
                }
            }

            var selector = entries.TryGetValue("match", out var match) ? ParseSelector(match.Value) : RouteSelector.All;
            var where = name is null ? "a rule" : $"rule '{name}'";
            if (catchAll is not null)
            {
                _reader.Error(item, $"{where} can never match: rule '{catchAll}' before it has no match: and takes every request.");
            }
            else if (selector is not null && selectors.TryGetValue(selector.CanonicalText, out var same))
            {
                _reader.Error(item, $"{where} can never match: rule '{same}' before it has the same match:.");
            }

            if (selector is not null)
            {
                selectors.TryAdd(selector.CanonicalText, name ?? "?");
                if (selector.MatchesEverything)
                {
                    catchAll ??= name ?? "?";
                }
            }

            var settings = ParseSettings(entries, where);
            if (name is not null && selector is not null)
            {
                result.Add(new RuleDefinition(name, (int)item.Start.Line, (int)item.Start.Column, selector, settings));
            }
        }

        return result;
    }

    private RouteSelector? ParseSelector(YamlNode node)
    {
        var entries = _reader.Entries(node, "match", s_matchKeys);
        if (node is not YamlMappingNode)
        {
            return null;
        }

        var routeNames = new List<string>();
        var authorities = new List<string>();
        var prefixes = new List<string>();
        var methods = new List<string>();
        var directions = new List<TrafficDirection>();
        var contentTypes = new List<string>();
        foreach (var (key, (_, value)) in entries)
        {
            switch (key)
            {
                case "route_names":
                    AddAll(_reader.StringList(value, "match.route_names"), routeNames);
                    break;
                case "authorities":
                    foreach (var (authority, itemNode) in _reader.StringList(value, "match.authorities") ?? [])
                    {
                        if (authority.Length == 0 || authority.Contains('/', StringComparison.Ordinal) || (authority.Contains('*', StringComparison.Ordinal) && authority != "*" && !(authority.StartsWith("*.", StringComparison.Ordinal) && authority.LastIndexOf('*') == 0)))
                        {
                            _reader.Error(itemNode, "an authority must be a host[:port], '*.' followed by a domain, or '*'.");
                        }
                        else
                        {
                            authorities.Add(authority.ToLowerInvariant());
                        }
                    }

                    break;
                case "path_prefixes":
                    foreach (var (prefix, itemNode) in _reader.StringList(value, "match.path_prefixes") ?? [])
                    {
                        if (!prefix.StartsWith('/'))
                        {
                            _reader.Error(itemNode, "a path prefix must start with '/'.");
                        }
                        else
                        {
                            prefixes.Add(prefix);
                        }
                    }

                    break;
                case "methods":
                    foreach (var (method, itemNode) in _reader.StringList(value, "match.methods") ?? [])
                    {
                        if (method.Length == 0 || !method.All(char.IsAsciiLetter))
                        {
                            _reader.Error(itemNode, "a method must be an HTTP method name such as GET or POST.");
                        }
                        else
                        {
                            methods.Add(method.ToUpperInvariant());
                        }
                    }

                    break;
                case "directions":
                    if (value is YamlSequenceNode directionList)
                    {
                        foreach (var item in directionList.Children)
                        {
                            if (_reader.Enum(item, "match.directions", s_directions) is { } direction)
                            {
                                directions.Add(direction);
                            }
                        }
                    }
                    else if (_reader.Enum(value, "match.directions", s_directions) is { } direction)
                    {
                        directions.Add(direction);
                    }

                    break;
                case "content_types":
                    contentTypes.AddRange(ParseContentTypes(value, "match.content_types") ?? []);
                    break;
                default:
                    break;
            }
        }

        return new RouteSelector(routeNames, authorities, prefixes, methods, directions, contentTypes);
    }

    private static void AddAll(List<(string Value, YamlNode Node)>? items, List<string> target)
    {
        foreach (var (value, _) in items ?? [])
        {
            target.Add(value);
        }
    }

    private List<string>? ParseContentTypes(YamlNode node, string what)
    {
        if (_reader.StringList(node, what) is not { } items)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var (value, itemNode) in items)
        {
            if (MediaTypes.IsValidPattern(value))
            {
                result.Add(value.ToLowerInvariant());
            }
            else
            {
                _reader.Error(itemNode, $"{what}: expected a media type such as application/json, text/* or application/*+json.");
            }
        }

        return result;
    }

    private List<string>? ParseHeaderNames(YamlNode node)
    {
        if (_reader.StringList(node, "scan_headers") is not { } items)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var (value, itemNode) in items)
        {
            var name = value.ToLowerInvariant();
            if (name == ":path" || (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal))))
            {
                result.Add(name);
            }
            else
            {
                _reader.Error(itemNode, "scan_headers: expected a header name such as cookie or referer, or :path for the query string.");
            }
        }

        return result;
    }

    private BlockResponse? ParseBlockResponse(YamlNode node)
    {
        var entries = _reader.Entries(node, "block_response", s_blockKeys);
        if (node is not YamlMappingNode)
        {
            return null;
        }

        var status = entries.TryGetValue("status", out var statusEntry) ? _reader.Int(statusEntry.Value, "block_response.status", 200, 599) : 403;
        byte[] body = BlockResponse.Default.Body.ToArray();
        if (entries.TryGetValue("body", out var bodyEntry))
        {
            body = bodyEntry.Value is YamlScalarNode { Style: not ScalarStyle.Plain, Value: { } text }
                ? ValidJsonText(text, bodyEntry.Value)
                : YamlJson.ToJson(bodyEntry.Value);
        }

        return status is null ? null : new BlockResponse(status.Value, body);
    }

    private byte[] ValidJsonText(string text, YamlNode node)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            _reader.Error(node, "block_response.body: a quoted body must be valid JSON; or write the body as YAML.");
        }

        return bytes;
    }

    private bool CompilePattern(string pattern, YamlNode node, string what)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (RegexParseException exception)
        {
            _reader.Error(node, $"{what} is not a valid regular expression: {exception.Error} at offset {exception.Offset}.");
        }
        catch (NotSupportedException)
        {
            _reader.Error(node, $"{what} uses a construct that linear-time matching (RegexOptions.NonBacktracking) does not support: lookarounds, backreferences, atomic groups or conditionals.");
        }
        catch (ArgumentException)
        {
            _reader.Error(node, $"{what} is not a valid regular expression.");
        }

        return false;
    }

    private string? Required(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries, string key, YamlNode owner, string what)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            _reader.Error(owner, $"missing key '{key}' in {what}.");
            return null;
        }

        return _reader.String(entry.Value, $"{key} of {what}");
    }

    private static bool IsRecognizerName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static bool IsRuleName(string name) =>
        name.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.');
}
