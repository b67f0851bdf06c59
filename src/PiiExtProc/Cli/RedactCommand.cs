using System.CommandLine;
using System.Diagnostics;
using PiiExtProc.Policy;
using PiiExtProc.Scanning.Batch;

namespace PiiExtProc.Cli;

/// <summary>
/// `PiiExtProc redact --format guardian-csv|jsonl|json|text|form|markup|multipart|csv [--policy FILE] INPUT OUTPUT`: redacts
/// a file with the policy's default rule, the same engine and decisions as the server (request direction).
/// </summary>
internal static class RedactCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "Input format: guardian-csv (record_id,data_json), jsonl (one JSON document per line), or the whole file as one body: "
                + "json, text, form (application/x-www-form-urlencoded), markup (XML or HTML), multipart (multipart/form-data) or csv (CSV or TSV with a header row).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("guardian-csv", "jsonl", "json", "text", "form", "markup", "multipart", "csv");
        var policy = CommonOptions.Policy();
        var input = new Argument<FileInfo>("INPUT") { Description = "The file to redact." };
        var output = new Argument<FileInfo>("OUTPUT") { Description = "Where to write the redacted file (guardian-csv: record_id,redacted_data_json,is_pii)." };
        var command = new Command("redact", "Redact a file with the same engine the server uses.") { format, policy, input, output };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var snapshot = PolicySources.LoadSnapshot(parse.GetValue(policy)?.FullName);
            var fileFormat = parse.GetValue(format) switch
            {
                "guardian-csv" => FileFormat.GuardianCsv,
                "jsonl" => FileFormat.JsonLines,
                "json" => FileFormat.Json,
                "form" => FileFormat.FormUrlEncoded,
                "markup" => FileFormat.Markup,
                "multipart" => FileFormat.Multipart,
                "csv" => FileFormat.Csv,
                _ => FileFormat.Text,
            };
            var started = Stopwatch.GetTimestamp();
            using var inputStream = parse.GetValue(input)!.OpenRead();
            using var outputStream = parse.GetValue(output)!.Create();
            var summary = FileRedactor.Redact(snapshot.DefaultRule.Scanner, fileFormat, inputStream, outputStream);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.Error.WriteLine(
                $"redacted {summary.Records} records ({summary.RecordsWithPii} with PII, {summary.Findings} findings, " +
                $"{summary.FallbacksToText} scanned as text after malformed JSON) in {elapsed.TotalMilliseconds:F1} ms; policy {snapshot.Version}");
            return 0;
        }));
        return command;
    }
}
