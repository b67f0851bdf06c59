using System.Globalization;
using System.Text;
using PiiExtProc.Policy.Loading;
using PiiExtProc.Scanning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.Policy.Commands;

/// <summary>
/// <c>PiiExtProc policy test FILE CASES_DIR</c>: runs every case of a folder through the policy and compares the
/// output with the expected file, so teams can test policies in CI.
/// </summary>
/// <remarks>
/// A case is <c>NAME.input.json</c> or <c>NAME.input.txt</c> with <c>NAME.expected.json</c> or
/// <c>NAME.expected.txt</c>, and optionally <c>NAME.case.yaml</c> with the keys <c>route</c>, <c>authority</c>,
/// <c>path</c>, <c>method</c>, <c>direction</c> (request or response, default request) and <c>content_type</c>
/// (default application/json for .json inputs, text/plain otherwise). The output must equal the expected file byte
/// for byte, apart from one trailing line break. A body the policy blocks produces the text
/// <c>BLOCKED STATUS BODY</c>, for example <c>BLOCKED 403 {"error":"..."}</c>.
/// Exit codes: 0 all cases passed; 1 a case failed; 2 the policy or the folder cannot be used.
/// Failure output shows the first differing line of the expected and actual outputs (test data, by design).
/// </remarks>
public static class PolicyTestCommand
{
    private static readonly string[] s_caseKeys = ["route", "authority", "path", "method", "direction", "content_type"];
    private static readonly (string, TrafficDirection)[] s_directions = [("request", TrafficDirection.Request), ("response", TrafficDirection.Response)];

    /// <summary>Runs the command.</summary>
    /// <param name="policyFile">The policy file.</param>
    /// <param name="casesDirectory">The folder of cases.</param>
    /// <param name="output">Receives one PASS or FAIL line per case and a total.</param>
    /// <param name="error">Receives policy and folder errors.</param>
    /// <returns>0 when every case passes, 1 when one fails, 2 when the policy or folder cannot be used.</returns>
    public static int Run(string policyFile, string casesDirectory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        PolicySnapshot snapshot;
        try
        {
            snapshot = PolicyLoading.LoadFile(policyFile);
        }
        catch (PolicyException exception)
        {
            error.WriteLine(exception.Message);
            return 2;
        }

        return Run(snapshot, casesDirectory, output, error);
    }

    /// <summary>Runs the cases of <paramref name="casesDirectory"/> against a compiled policy.</summary>
    public static int Run(PolicySnapshot snapshot, string casesDirectory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Directory.Exists(casesDirectory))
        {
            error.WriteLine($"{casesDirectory}: the cases folder does not exist.");
            return 2;
        }

        var cases = FindCases(casesDirectory);
        if (cases.Count == 0)
        {
            error.WriteLine($"{casesDirectory}: no cases found (expected NAME.input.json or NAME.input.txt files).");
            return 2;
        }

        var failed = 0;
        foreach (var testCase in cases)
        {
            var failure = RunCase(snapshot, testCase);
            if (failure is null)
            {
                output.WriteLine($"PASS {testCase.Name}");
            }
            else
            {
                failed++;
                output.WriteLine($"FAIL {testCase.Name}: {failure}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count - failed} passed, {failed} failed (policy {snapshot.Version})."));
        return failed == 0 ? 0 : 1;
    }

    private static List<TestCase> FindCases(string directory)
    {
        var result = new List<TestCase>();
        var inputs = Directory.GetFiles(directory, "*.input.*");
        Array.Sort(inputs, StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var fileName = Path.GetFileName(input);
            var marker = fileName.LastIndexOf(".input.", StringComparison.Ordinal);
            var extension = fileName[(marker + ".input.".Length)..];
            if (extension is not ("json" or "txt"))
            {
                continue;
            }

            var name = fileName[..marker];
            var expected = FirstExisting(Path.Combine(directory, $"{name}.expected.json"), Path.Combine(directory, $"{name}.expected.txt"));
            var casePath = Path.Combine(directory, $"{name}.case.yaml");
            result.Add(new TestCase(name, input, expected, File.Exists(casePath) ? casePath : null));
        }

        return result;
    }

    private static string? FirstExisting(string first, string second) => File.Exists(first) ? first : File.Exists(second) ? second : null;

    /// <summary>Runs one case; returns null on success or why it failed.</summary>
    private static string? RunCase(PolicySnapshot snapshot, TestCase testCase)
    {
        if (testCase.ExpectedPath is null)
        {
            return "missing NAME.expected.json or NAME.expected.txt.";
        }

        var isJson = testCase.InputPath.EndsWith(".json", StringComparison.Ordinal);
        var request = new RouteRequest { ContentType = isJson ? "application/json" : "text/plain" };
        if (testCase.CasePath is not null && ReadCase(testCase.CasePath, request, out request) is { } caseError)
        {
            return caseError;
        }

        var policy = snapshot.Resolve(request);
        var input = File.ReadAllBytes(testCase.InputPath);
        var result = BodyScanner.Scan(policy, input, RoutePolicy.GetBodyFormat(request.ContentType));
        var actual = result.Blocked
            ? Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"BLOCKED {policy.BlockResponse.StatusCode} {Encoding.UTF8.GetString(policy.BlockResponse.Body.Span)}"))
            : result.Output;
        var expected = File.ReadAllBytes(testCase.ExpectedPath);
        return TrimLineBreak(actual).SequenceEqual(TrimLineBreak(expected)) ? null : Describe(expected, actual, policy.RuleName);
    }

    private static string? ReadCase(string path, RouteRequest defaults, out RouteRequest request)
    {
        request = defaults;
        var reader = new PolicyReader(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException exception)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{path}:{exception.Start.Line}:{exception.Start.Column}: invalid YAML.");
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        foreach (var (key, (_, value)) in reader.Entries(stream.Documents[0].RootNode, "a case file", s_caseKeys))
        {
            request = key switch
            {
                "route" => request with { RouteName = reader.String(value, key) },
                "authority" => request with { Authority = reader.String(value, key) },
                "path" => request with { Path = reader.String(value, key) },
                "method" => request with { Method = reader.String(value, key) },
                "direction" => request with { Direction = reader.Enum(value, key, s_directions) ?? TrafficDirection.Request },
                _ => request with { ContentType = reader.String(value, key) },
            };
        }

        return reader.Errors.Count == 0 ? null : string.Join("; ", reader.Errors);
    }

    private static ReadOnlySpan<byte> TrimLineBreak(ReadOnlySpan<byte> bytes)
    {
        if (bytes.EndsWith("\r\n"u8))
        {
            return bytes[..^2];
        }

        return bytes.EndsWith("\n"u8) ? bytes[..^1] : bytes;
    }

    private static string Describe(byte[] expected, byte[] actual, string ruleName)
    {
        var expectedLines = Encoding.UTF8.GetString(TrimLineBreak(expected)).Split('\n');
        var actualLines = Encoding.UTF8.GetString(TrimLineBreak(actual)).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return string.Create(CultureInfo.InvariantCulture, $"output differs at line {i + 1} (rule {ruleName}){Environment.NewLine}  expected: {e}{Environment.NewLine}  actual:   {a}");
            }
        }

        return $"output differs (rule {ruleName}).";
    }
}
