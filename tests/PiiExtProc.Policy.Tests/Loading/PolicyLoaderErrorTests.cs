namespace PiiExtProc.Policy.Tests.Loading;

public sealed class PolicyLoaderErrorTests
{
    [Theory]
    [InlineData("version: 1\nentitees: {}\n", 2, 1, "unknown key 'entitees' in the policy")]
    [InlineData("version: 2\n", 1, 10, "version must be between 1 and 1")]
    [InlineData("entities: {}\n", 1, 1, "missing key 'version'")]
    [InlineData("version: 1\nentities:\n  IN_AADHAR: mask\n", 3, 3, "unknown entity 'IN_AADHAR'")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR: masc\n", 3, 15, "must be one of: mask, replace, redact, hash, block, observe, found 'masc'")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    threshold: high\n", 4, 16, "IN_AADHAAR.threshold must be a number")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    threshold: 1.5\n", 4, 16, "between 0 and 1")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    operator: {type: mask, keep_first: -1}\n", 4, 40, "keep_first must be between 0 and 64")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    operator: {type: mask, label: x}\n", 4, 28, "key 'label' does not apply to a mask operator")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    operator: {keep_first: 1}\n", 4, 15, "missing key 'type'")]
    [InlineData("version: 1\nentities:\n  IN_AADHAAR:\n    operator: {type: mask, mask_char: ab}\n", 4, 39, "mask_char must be one printable character")]
    [InlineData("version: 1\nobserve_only: yes\n", 2, 15, "observe_only must be true or false")]
    [InlineData("version: 1\non_unscannable: fail_closd\n", 2, 17, "on_unscannable must be one of: fail_open, fail_closed")]
    [InlineData("version: 1\non_unknown_encoding: drop\n", 2, 22, "on_unknown_encoding must be one of: pass, block")]
    [InlineData("version: 1\nmax_body_bytes: 4MB\n", 2, 17, "max_body_bytes must be a size in bytes")]
    [InlineData("version: 1\nblock_response: {status: 99}\n", 2, 26, "block_response.status must be between 200 and 599")]
    [InlineData("version: 1\nblock_response: {body: '{not json'}\n", 2, 24, "a quoted body must be valid JSON")]
    [InlineData("version: 1\nscan_headers: ['bad header']\n", 2, 16, "scan_headers: expected a header name")]
    [InlineData("version: 1\nscan_content_types: [json]\n", 2, 22, "expected a media type")]
    [InlineData("version: 1\ncombination: {min_distinct: 0}\n", 2, 29, "combination.min_distinct must be between 1 and 19")]
    [InlineData("version: 1\nlimits: {max_json_depth: deep}\n", 2, 26, "limits.max_json_depth must be a whole number")]
    [InlineData("version: 1\nallow_list:\n  - {value: a, pattern: b}\n", 3, 5, "exactly one of 'value'")]
    [InlineData("version: 1\nallow_list:\n  - pattern: '(a'\n", 3, 14, "pattern is not a valid regular expression")]
    [InlineData("version: 1\ndeny_list:\n  - term: Falcon\n", 3, 5, "missing key 'entity' in a deny_list item")]
    [InlineData("version: 1\nrules:\n  - match: {methods: [POST]}\n", 3, 5, "missing key 'name' in a rule")]
    [InlineData("version: 1\nrules:\n  - name: Payments\n", 3, 11, "a rule name must be 1-63 characters")]
    [InlineData("version: 1\nrules:\n  - name: default\n", 3, 11, "reserved")]
    [InlineData("version: 1\nrules:\n  - name: a\n    match: {directions: [sideways]}\n", 4, 26, "match.directions must be one of: request, response")]
    [InlineData("version: 1\nrules:\n  - name: a\n    match: {path_prefixes: [v1]}\n", 4, 29, "a path prefix must start with '/'")]
    [InlineData("version: 1\nrules:\n  - name: a\n    match: {authorities: ['a*.example.com']}\n", 4, 27, "an authority must be")]
    [InlineData("version: 1\nrules:\n  - name: a\n    match: {methods: ['PO ST']}\n", 4, 23, "a method must be")]
    [InlineData("version: 1\nrules:\n  - name: a\n    mach: {}\n", 4, 5, "unknown key 'mach' in a rule")]
    [InlineData("version: 1\n  bad: [\n", 2, 6, "invalid YAML")]
    public void Load_Mistake_ReportsLineColumnAndExpectation(string yaml, int line, int column, string expected)
    {
        var exception = TestPolicies.Fails(yaml);

        var error = Assert.Single(exception.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("policy.yaml", error.File);
        Assert.Contains($"policy.yaml:{line}:{column}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateRuleNames_ReportsSecondWithFirstLine()
    {
        var exception = TestPolicies.Fails("version: 1\nrules:\n  - name: a\n    match: {methods: [GET]}\n  - name: a\n    match: {methods: [POST]}\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 11), (error.Line, error.Column));
        Assert.Contains("duplicate rule name 'a'; first used at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleAfterCatchAll_ReportsUnreachable()
    {
        var exception = TestPolicies.Fails("version: 1\nrules:\n  - name: all\n  - name: later\n    match: {methods: [GET]}\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("rule 'later' can never match: rule 'all'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RuleWithSameMatchAsEarlier_ReportsUnreachable()
    {
        var exception = TestPolicies.Fails("version: 1\nrules:\n  - name: a\n    match: {methods: [GET]}\n  - name: b\n    match: {methods: [get]}\n");

        Assert.Contains("rule 'b' can never match: rule 'a' before it has the same match:", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsIt()
    {
        var exception = TestPolicies.Fails("version: 1\nobserve_only: true\nobserve_only: false\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("Duplicate key observe_only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsEveryOne()
    {
        var exception = TestPolicies.Fails("version: 1\nobserve_only: maybe\nentities:\n  NOPE: mask\n  IN_PAN: masc\nrules:\n  - name: X\n");

        Assert.Equal([2, 4, 5, 7], exception.Errors.Select(e => e.Line).ToArray());
        Assert.StartsWith("The policy has 4 errors:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidCustomPattern_ReportsFileAndLine()
    {
        const string Yaml = """
            version: 1
            custom_recognizers:
              - name: employee_id
                entity: EMPLOYEE_ID
                pattern: 'EMP-[0-9{6}'
                score: 0.8
            """;

        var exception = TestPolicies.Fails(Yaml);

        var error = Assert.Single(exception.Errors);
        Assert.Equal((5, 14), (error.Line, error.Column));
        Assert.Contains("policy.yaml:5:14: pattern is not a valid regular expression", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EMP-", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PatternNeedingBacktracking_ReportsLinearTimeLimit()
    {
        var exception = TestPolicies.Fails("version: 1\ncustom_recognizers:\n  - {name: x, entity: X_ID, pattern: '(a)\\1', score: 0.5}\n");

        var error = Assert.Single(exception.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("NonBacktracking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_ReportsIt()
    {
        var exception = TestPolicies.Fails(string.Empty);

        Assert.Contains("empty", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }
}
