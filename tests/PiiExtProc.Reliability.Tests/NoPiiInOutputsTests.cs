using System.Text;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Service.ExtProc.V3;
using Grpc.Core;
using PiiExtProc.Policy;
using PiiExtProc.Reliability.Tests.Support;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Operators;
using Xunit.Abstractions;

namespace PiiExtProc.Reliability.Tests;

/// <summary>
/// Seeds known values (Aadhaar, card, email, phone, the HMAC key) through the server, its error paths and the policy
/// and CLI paths, then searches every output: log lines at every level, gRPC statuses, immediate responses, replies,
/// scan reports, admin endpoints, console output and exception messages.
/// </summary>
public sealed class NoPiiInOutputsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_SeededValuesThroughEveryPath_NeverAppearInAnyOutput()
    {
        var outputs = new StringBuilder();
        var options = TestPolicies.DefaultOptions();
        var entities = new Dictionary<PiiEntity, EntitySettings>(options.Entities)
        {
            [PiiEntity.IndianMobile] = new EntitySettings(new HashOperator(SeededPii.HashKey, "PIIEXTPROC_HASH_KEY")),
        };
        var hashing = TestPolicies.Policy(PiiScanner.Create(options with { Entities = entities }), maxBodyBytes: 4096);
        await using (var server = await InProcessServer.StartAsync(TestPolicies.Source(hashing)))
        {
            using var channel = server.CreateChannel();
            var client = new ExternalProcessor.ExternalProcessorClient(channel);
            var query = $"/orders?email={SeededPii.Email}&aadhaar={SeededPii.Aadhaar}&card={SeededPii.Card}&mobile={SeededPii.Phone}";
            var body = SeededPii.JsonBody();

            // A normal exchange in both directions.
            outputs.AppendLine(await ExchangeAsync(client, [
                Messages.RequestHeaders(path: query, mode: ProcessingMode.Types.BodySendMode.Buffered),
                Messages.RequestBody(body, endOfStream: true),
                Messages.ResponseHeaders(),
                Messages.ResponseBody(body, endOfStream: true)]));
            // Protocol violations carrying PII: body after end_of_stream, headers twice.
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query), Messages.RequestBody(body, true), Messages.RequestBody(body, true)]));
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query), Messages.RequestHeaders(path: query)]));
            // An empty message (unknown oneof), an oversized body, an unknown encoding, a corrupt gzip body, a STREAMED body cut short.
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query), new ProcessingRequest()]));
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query), Messages.RequestBody([.. body, .. new byte[5000]], true)]));
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query, contentEncoding: "zstd"), Messages.RequestBody(body, true)]));
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query, contentEncoding: "gzip"), Messages.RequestBody(body, true)]));
            outputs.AppendLine(await ExchangeAsync(client, [Messages.RequestHeaders(path: query, mode: ProcessingMode.Types.BodySendMode.Streamed), Messages.RequestBody(body.AsSpan(0, 40), false)]));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.AdminPort}") };
            foreach (var path in (string[])["/metrics", "/healthz", "/readyz"])
            {
                using var response = await http.GetAsync(path);
                outputs.AppendLine($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var logs = server.Logs.AllText();
            outputs.AppendLine(logs);
            foreach (var report in server.Telemetry.Reports)
            {
                outputs.AppendLine(report.ToString());
                foreach (var finding in report.Findings)
                {
                    outputs.AppendLine(finding.ToString());
                }
            }

            output.WriteLine($"searched {outputs.Length} characters: {server.Logs.Lines.Count} log lines, {server.Telemetry.Reports.Count} scan reports, errors by cause: {string.Join(", ", server.Telemetry.ErrorsByCause.Select(pair => $"{pair.Key}={pair.Value}"))}");
            Assert.False(server.Logs.Lines.IsEmpty, "no log line was captured: the capture is broken");
        }

        Assert.Empty(SeededPii.FoundIn(outputs.ToString()));
    }

    [Fact]
    public void PolicyLoading_BadHashKeyFileHoldingPii_ErrorNeverEchoesTheKey()
    {
        var directory = Path.Combine(Path.GetTempPath(), "piiextproc-key-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            // A key file that by mistake holds a short secret (too short to be a key) and a policy naming it.
            File.WriteAllText(Path.Combine(directory, "key.txt"), SeededPii.Aadhaar);
            var policyFile = Path.Combine(directory, "policy.yaml");
            File.WriteAllText(policyFile, $"version: 1\nhash_key_file: key.txt\nentities:\n  IN_MOBILE: hash\n");
            Environment.SetEnvironmentVariable("RELIABILITY_BAD_KEY", SeededPii.Card);
            var envPolicyFile = Path.Combine(directory, "policy-env.yaml");
            File.WriteAllText(envPolicyFile, "version: 1\nhash_key_env: RELIABILITY_BAD_KEY\nentities:\n  IN_MOBILE: hash\n");

            var messages = new StringBuilder();
            foreach (var file in (string[])[policyFile, envPolicyFile])
            {
                var error = Assert.Throws<PolicyException>(() => PolicyLoading.LoadFile(file));
                messages.AppendLine(error.ToString());
            }

            output.WriteLine(messages.ToString().Replace(directory, "<dir>", StringComparison.Ordinal));
            Assert.Empty(SeededPii.FoundIn(messages.ToString()));
        }
        finally
        {
            Environment.SetEnvironmentVariable("RELIABILITY_BAD_KEY", null);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void HashOperator_Token_NeverContainsValueOrKey()
    {
        var hash = new HashOperator(SeededPii.HashKey, "PIIEXTPROC_HASH_KEY");
        var text = new StringBuilder(hash.ToString());
        foreach (var value in SeededPii.Values)
        {
            var writer = new System.Buffers.ArrayBufferWriter<byte>();
            hash.Write(PiiEntity.Aadhaar, Encoding.UTF8.GetBytes(value), writer);
            text.AppendLine(Encoding.UTF8.GetString(writer.WrittenSpan));
        }

        Assert.Empty(SeededPii.FoundIn(text.ToString()));
    }

    [Fact]
    public async Task Cli_RedactWithSeededFile_ConsoleNeverShowsValues()
    {
        var directory = Path.Combine(Path.GetTempPath(), "piiextproc-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, "in.txt");
        await File.WriteAllTextAsync(input, Encoding.UTF8.GetString(SeededPii.JsonBody()) + "\n");
        var console = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        try
        {
            Console.SetOut(console);
            Console.SetError(console);
            var exitCode = await Cli.PiiExtProcCommandLine.Create().Parse(["redact", "--format", "text", input, Path.Combine(directory, "out.txt")]).InvokeAsync();
            console.WriteLine($"exit {exitCode}");
            await Cli.PiiExtProcCommandLine.Create().Parse(["redact", "--format", "nonsense", SeededPii.Card, SeededPii.Email]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            Directory.Delete(directory, recursive: true);
        }

        var text = console.ToString();
        output.WriteLine(text.Length > 2000 ? text[..2000] : text);
        // The second command echoes its own arguments in a usage error at most; it must not echo the file content.
        Assert.DoesNotContain(SeededPii.Aadhaar, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededPii.Phone, text, StringComparison.Ordinal);
    }

    private static async Task<string> ExchangeAsync(ExternalProcessor.ExternalProcessorClient client, IReadOnlyList<ProcessingRequest> messages)
    {
        var text = new StringBuilder();
        using var call = client.Process(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext())
            {
                text.AppendLine(call.ResponseStream.Current.ToString());
                var reply = call.ResponseStream.Current;
                var mutation = (reply.RequestBody ?? reply.ResponseBody)?.Response?.BodyMutation;
                if (mutation?.Body is { Length: > 0 } replaced)
                {
                    text.AppendLine(replaced.ToStringUtf8());
                }

                if (reply.ImmediateResponse is { } immediate)
                {
                    text.AppendLine(immediate.Body.ToStringUtf8()).AppendLine(immediate.Details);
                }
            }
        }
        catch (RpcException error)
        {
            text.AppendLine(error.Message).AppendLine(error.Status.Detail).AppendLine(error.Trailers.ToString());
        }
        catch (InvalidOperationException error)
        {
            text.AppendLine(error.Message);
        }

        text.AppendLine(call.GetStatus().ToString());
        return text.ToString();
    }
}
