using System.Globalization;
using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Policy.Loading;

/// <summary>
/// Turns a <see cref="PolicyDefinition"/> into rules: merges each rule over the top-level settings, builds its
/// <see cref="ScannerOptions"/> (stage 1, <see cref="BuildBlueprints"/>, testable without a scanner), then
/// compiles one <see cref="PiiScanner"/> per distinct set of options, eagerly (stage 2, <see cref="Compile"/>).
/// </summary>
internal static class PolicyCompiler
{
    /// <summary>Merges every rule over the top level. The default rule comes last.</summary>
    public static List<RuleBlueprint> BuildBlueprints(PolicyDefinition definition)
    {
        var operatorIds = new Dictionary<RedactionOperator, int>(ReferenceEqualityComparer.Instance);
        var defaults = definition.Defaults;
        var baseEntities = new Dictionary<PiiEntity, EntitySettings?>();
        if (defaults.Entities is null)
        {
            foreach (var (entity, settings) in PolicyDefaults.CreateEntities())
            {
                baseEntities[entity] = settings;
            }
        }
        else
        {
            foreach (var (entity, settings) in defaults.Entities)
            {
                baseEntities[entity] = settings;
            }
        }

        // Custom entities not mentioned at the top level are detected with the default mask.
        foreach (var entity in definition.CustomEntities)
        {
            baseEntities.TryAdd(entity, new EntitySettings(DefaultMaskOperator.Instance, PolicyDefaults.ScoreThreshold));
        }

        var result = new List<RuleBlueprint>(definition.Rules.Count + 1);
        foreach (var rule in definition.Rules)
        {
            result.Add(Build(definition, rule.Name, rule.Line, rule.Column, rule.Selector, baseEntities, rule.Settings, operatorIds));
        }

        result.Add(Build(definition, PolicyLoader.DefaultRuleName, 0, 0, Routing.RouteSelector.All, baseEntities, new RuleSettings(), operatorIds));
        return result;
    }

    /// <summary>Compiles the blueprints into a snapshot, one scanner per distinct options.</summary>
    /// <exception cref="PolicyException">A scanner cannot be compiled; the error names the rule's line.</exception>
    public static PolicySnapshot Compile(PolicyDefinition definition, Func<ScannerOptions, PiiScanner> scannerFactory)
    {
        var blueprints = BuildBlueprints(definition);
        var scanners = new Dictionary<string, PiiScanner>(StringComparer.Ordinal);
        var errors = new List<PolicyError>();
        var rules = new List<PolicyRule>(blueprints.Count);
        foreach (var blueprint in blueprints)
        {
            if (!scanners.TryGetValue(blueprint.ScannerKey, out var scanner))
            {
                try
                {
                    scanner = scannerFactory(blueprint.ScannerOptions);
                    scanners[blueprint.ScannerKey] = scanner;
                }
                catch (ScannerConfigurationException exception)
                {
                    errors.Add(new PolicyError(definition.File, blueprint.Line, blueprint.Column, $"rule '{blueprint.Name}': {exception.Message}"));
                    continue;
                }
            }

            rules.Add(new PolicyRule(
                blueprint.Name, blueprint.Line, blueprint.Selector, definition.Version, blueprint.ScannerOptions, scanner,
                blueprint.ObserveOnly, blueprint.OnUnscannable, blueprint.MaxBodyBytes, blueprint.OnUnknownEncoding,
                blueprint.BlockResponse, blueprint.ScanHeaders, blueprint.ScannedContentTypes));
        }

        if (errors.Count > 0)
        {
            throw new PolicyException(errors);
        }

        var defaultRule = rules[^1];
        rules.RemoveAt(rules.Count - 1);
        return new PolicySnapshot(definition.Version, definition.File, rules, defaultRule);
    }

    private static RuleBlueprint Build(
        PolicyDefinition definition,
        string name,
        int line,
        int column,
        Routing.RouteSelector selector,
        Dictionary<PiiEntity, EntitySettings?> baseEntities,
        RuleSettings rule,
        Dictionary<RedactionOperator, int> operatorIds)
    {
        var top = definition.Defaults;
        var observeOnly = rule.ObserveOnly ?? top.ObserveOnly ?? false;

        var merged = new Dictionary<PiiEntity, EntitySettings?>(baseEntities);
        if (rule.Entities is not null)
        {
            foreach (var (entity, settings) in rule.Entities)
            {
                merged[entity] = settings;
            }
        }

        var entities = new Dictionary<PiiEntity, EntitySettings>();
        foreach (var (entity, settings) in merged)
        {
            if (settings is not null)
            {
                entities[entity] = observeOnly ? settings with { Operator = ObserveOperator.Instance } : settings;
            }
        }

        var allowList = new List<AllowListEntry>(top.AllowList ?? []);
        allowList.AddRange(rule.AllowList ?? []);

        var combinationEnabled = rule.CombinationEnabled ?? top.CombinationEnabled ?? true;
        var minimumDistinct = rule.CombinationMinimumDistinct ?? top.CombinationMinimumDistinct ?? PolicyDefaults.CombinationMinimumDistinct;
        var defaultLimits = new ScanLimits();
        var limits = new ScanLimits
        {
            MaxRecordBytes = rule.MaxRecordBytes ?? top.MaxRecordBytes ?? defaultLimits.MaxRecordBytes,
            MaxFindingsKept = rule.MaxFindingsKept ?? top.MaxFindingsKept ?? defaultLimits.MaxFindingsKept,
            MaxJsonDepth = rule.MaxJsonDepth ?? top.MaxJsonDepth ?? defaultLimits.MaxJsonDepth,
        };

        // A recognizer whose entity this rule disables does not run.
        var recognizers = new List<CustomRecognizerDefinition>(definition.CustomRecognizers.Count);
        foreach (var recognizer in definition.CustomRecognizers)
        {
            if (entities.ContainsKey(recognizer.Entity))
            {
                recognizers.Add(recognizer);
            }
        }

        var denyList = new List<DenyListEntry>(definition.DenyList.Count);
        foreach (var entry in definition.DenyList)
        {
            if (entities.ContainsKey(entry.Entity))
            {
                denyList.Add(entry);
            }
        }

        var options = new ScannerOptions
        {
            Entities = entities,
            CustomRecognizers = recognizers,
            AllowList = allowList,
            DenyList = denyList,
            Combination = new CombinationRule(combinationEnabled ? minimumDistinct : 1),
            Limits = limits,
            FingerprintKey = AuditFingerprintKey.Current,
        };

        return new RuleBlueprint(
            name,
            line,
            column,
            selector,
            options,
            ScannerKey(options, operatorIds),
            observeOnly,
            rule.OnUnscannable ?? top.OnUnscannable ?? UnscannableAction.FailClosed,
            rule.MaxBodyBytes ?? top.MaxBodyBytes ?? PolicyDefaults.MaxBodyBytes,
            rule.OnUnknownEncoding ?? top.OnUnknownEncoding ?? UnknownEncodingAction.Block,
            rule.BlockResponse ?? top.BlockResponse ?? BlockResponse.Default,
            rule.ScanHeaders ?? top.ScanHeaders ?? PolicyDefaults.ScanHeaders,
            rule.ScanContentTypes ?? top.ScanContentTypes ?? PolicyDefaults.ScannedContentTypes);
    }

    /// <summary>A text key equal for options that compile to the same scanner (operators compared by identity).</summary>
    private static string ScannerKey(ScannerOptions options, Dictionary<RedactionOperator, int> operatorIds)
    {
        var names = new List<PiiEntity>(options.Entities.Keys);
        names.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var builder = new StringBuilder();
        foreach (var entity in names)
        {
            var settings = options.Entities[entity];
            if (!operatorIds.TryGetValue(settings.Operator, out var id))
            {
                id = operatorIds.Count;
                operatorIds[settings.Operator] = id;
            }

            builder.Append(CultureInfo.InvariantCulture, $"{entity.Name}={id}@{settings.ScoreThreshold:R};");
        }

        builder.Append('|');
        foreach (var entry in options.AllowList)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{entry.IsPattern}:{entry.Entity?.Name}:{entry.Value.Length}:{entry.Value};");
        }

        builder.Append(CultureInfo.InvariantCulture, $"|{options.CustomRecognizers.Count},{options.DenyList.Count}|{options.Combination.MinimumDistinctEntities}|{options.Limits.MaxRecordBytes},{options.Limits.MaxFindingsKept},{options.Limits.MaxJsonDepth}");
        return builder.ToString();
    }
}
