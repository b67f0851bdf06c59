using System.Text;
using PiiExtProc.Policy.Loading;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Policy.Tests;

public sealed class PolicyCompilerTests
{
    [Fact]
    public void Compile_RuleOverrides_MergeOverTopLevel()
    {
        var snapshot = TestPolicies.Compile("""
            version: 1
            entities:
              IN_AADHAAR: mask
              IN_MOBILE:
                threshold: 0.7
                operator: {type: mask, keep_first: 0, keep_last: 4, mask_char: '*'}
              EMAIL_ADDRESS: {operator: {type: replace, label: "[EMAIL]"}}
            allow_list:
              - support@example.in
            on_unscannable: fail_open
            max_body_bytes: 1MiB
            block_response:
              status: 451
              body: {error: blocked, code: 7, retry: false}
            rules:
              - name: payments
                match: {route_names: [payments]}
                entities:
                  IN_AADHAAR: block
                  EMAIL_ADDRESS: {enabled: false}
                allow_list:
                  - {pattern: '[a-z]+@example\.in', entity: EMAIL_ADDRESS}
                combination: {enabled: false}
                on_unscannable: fail_closed
                scan_headers: [":path", Cookie, x-customer-phone]
            """);

        var payments = snapshot.Resolve(new RouteRequest { RouteName = "payments" });
        var fallback = snapshot.Resolve(default);

        Assert.Equal(OperatorKind.Block, payments.ScannerOptions.Entities[PiiEntity.Aadhaar].Operator.Kind);
        Assert.False(payments.ScannerOptions.Entities.ContainsKey(PiiEntity.Email));
        Assert.Equal(0.7f, payments.ScannerOptions.Entities[PiiEntity.IndianMobile].ScoreThreshold);
        Assert.Equal(2, payments.ScannerOptions.AllowList.Count);
        Assert.Equal(1, payments.ScannerOptions.Combination.MinimumDistinctEntities);
        Assert.Equal(UnscannableAction.FailClosed, payments.OnUnscannable);
        Assert.Equal([":path", "cookie", "x-customer-phone"], payments.ScanHeaders);
        Assert.Equal(1024 * 1024, payments.MaxBodyBytes);
        Assert.Equal(451, payments.BlockResponse.StatusCode);
        Assert.Equal("""{"error":"blocked","code":7,"retry":false}""", Encoding.UTF8.GetString(payments.BlockResponse.Body.Span));

        Assert.Equal(3, fallback.ScannerOptions.Entities.Count);
        Assert.Equal("replace([EMAIL])", fallback.ScannerOptions.Entities[PiiEntity.Email].Operator.ToString());
        Assert.Equal("mask(keep_first=0, keep_last=4, mask_char=*, keep_separators=true)", fallback.ScannerOptions.Entities[PiiEntity.IndianMobile].Operator.ToString());
        Assert.Equal(UnscannableAction.FailOpen, fallback.OnUnscannable);
        Assert.Equal(2, fallback.ScannerOptions.Combination.MinimumDistinctEntities);
    }

    [Fact]
    public void Compile_ObserveOnlyRule_EveryOperatorBecomesObserve()
    {
        var snapshot = TestPolicies.Compile("""
            version: 1
            entities: {IN_AADHAAR: block, IN_MOBILE: mask, IN_PAN: redact}
            rules:
              - name: rollout
                match: {path_prefixes: [/new]}
                observe_only: true
            """);

        var rollout = snapshot.Resolve(new RouteRequest { Path = "/new/x" });

        Assert.True(rollout.ObserveOnly);
        Assert.All(rollout.ScannerOptions.Entities.Values, settings => Assert.Same(ObserveOperator.Instance, settings.Operator));
        Assert.False(snapshot.DefaultRule.ObserveOnly);
        Assert.Same(BlockOperator.Instance, snapshot.DefaultRule.ScannerOptions.Entities[PiiEntity.Aadhaar].Operator);
    }

    [Fact]
    public void Compile_RulesWithSameOptions_ShareOneScanner()
    {
        var created = 0;
        var snapshot = PolicyLoading.LoadText("""
            version: 1
            rules:
              - name: a
                match: {methods: [GET]}
                on_unscannable: fail_open
              - name: b
                match: {methods: [POST]}
                observe_only: true
            """, "p.yaml", TestPolicies.Context(), options => { created++; return TestPolicies.PlaceholderScanners(options); });

        Assert.Equal(2, created);
        Assert.Same(snapshot.Rules[0].Scanner, snapshot.DefaultRule.Scanner);
        Assert.NotSame(snapshot.Rules[1].Scanner, snapshot.DefaultRule.Scanner);
    }

    [Fact]
    public void Compile_ScannerRejectsOptions_ReportsRuleLine()
    {
        var exception = Assert.Throws<PolicyException>(() => PolicyLoading.LoadText(
            "version: 1\nrules:\n  - name: a\n    match: {methods: [GET]}\n    observe_only: true\n",
            "p.yaml",
            TestPolicies.Context(),
            options => options.Entities.Values.First().Operator.Kind == OperatorKind.Observe
                ? throw new ScannerConfigurationException("custom recognizer 'x' is invalid")
                : TestPolicies.PlaceholderScanners(options)));

        Assert.Contains("p.yaml:3:5: rule 'a': custom recognizer 'x' is invalid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NoTopLevelEntities_UsesBuiltInDefaults()
    {
        var snapshot = TestPolicies.Compile("version: 1\n");

        var entities = snapshot.DefaultRule.ScannerOptions.Entities;
        Assert.Equal(PiiEntity.BuiltIn.Count, entities.Count);
        Assert.Same(ObserveOperator.Instance, entities[PiiEntity.PinCode].Operator);
        Assert.Same(DefaultMaskOperator.Instance, entities[PiiEntity.Aadhaar].Operator);
    }

    [Fact]
    public void Compile_CustomRecognizer_DeclaresEntityEnabledWithDefaultMask()
    {
        var definition = TestPolicies.Parse("""
            version: 1
            entities: {IN_AADHAAR: mask}
            custom_recognizers:
              - name: employee_id
                entity: EMPLOYEE_ID
                category: quasi_identifier
                pattern: 'EMP-[0-9]{6}'
                score: 0.8
                context: [employee, emp_id]
                validator: luhn
            deny_list:
              - {term: Project Falcon, entity: EMPLOYEE_ID}
            """);

        var blueprint = PolicyCompiler.BuildBlueprints(definition)[^1];

        var recognizer = Assert.Single(blueprint.ScannerOptions.CustomRecognizers);
        Assert.Equal(("employee_id", "EMPLOYEE_ID", EntityCategory.QuasiIdentifier, 0.8f, "luhn"), (recognizer.Name, recognizer.Entity.Name, recognizer.Entity.Category, recognizer.Score, recognizer.Validator));
        Assert.Equal(["employee", "emp_id"], recognizer.ContextWords);
        Assert.Same(DefaultMaskOperator.Instance, blueprint.ScannerOptions.Entities[recognizer.Entity].Operator);
        Assert.Same(recognizer.Entity, Assert.Single(blueprint.ScannerOptions.DenyList).Entity);
    }

    [Fact]
    public void DefaultPolicy_Compiles_WithGuardianSettings()
    {
        var snapshot = PolicyLoading.LoadText(PolicyLoading.DefaultPolicyText, PolicyLoading.DefaultPolicySource, TestPolicies.Context(), TestPolicies.PlaceholderScanners);

        var policy = snapshot.Resolve(new RouteRequest { Path = "/api/orders?phone=9876543210" });
        Assert.Equal("default", policy.RuleName);
        Assert.Equal(2, policy.ScannerOptions.Combination.MinimumDistinctEntities);
        Assert.Equal(PiiEntity.BuiltIn.Count, policy.ScannerOptions.Entities.Count);
        foreach (var (entity, settings) in policy.ScannerOptions.Entities)
        {
            var expected = entity.Category == EntityCategory.Attribute ? OperatorKind.Observe : OperatorKind.Mask;
            Assert.Equal(expected, settings.Operator.Kind);
        }

        Assert.Equal(UnscannableAction.FailClosed, policy.OnUnscannable);
        Assert.Equal(UnknownEncodingAction.Block, policy.OnUnknownEncoding);
        Assert.True(policy.ScansQueryString);
        Assert.False(policy.ObserveOnly);
    }
}
