using System.CommandLine;
using PiiExtProc.Scanning.Evaluation;

namespace PiiExtProc.Cli;

/// <summary>
/// `PiiExtProc eval [--policy FILE] (--guardian CSV --labels CSV | --corpus FILE.jsonl)`: scores the engine with the
/// policy's default rule. Guardian: precision, recall and F1 of the is_pii decision against a labels file
/// (record_id,...,majority_is_pii) and each disagreeing record id. Corpus: precision, recall and F1 per entity.
/// </summary>
internal static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var policy = CommonOptions.Policy();
        var guardian = new Option<FileInfo?>("--guardian") { Description = "The ISCP Guardian CSV (record_id,data_json)." };
        var labels = new Option<FileInfo?>("--labels") { Description = "Labels CSV for --guardian (record_id,...,majority_is_pii)." };
        var corpus = new Option<FileInfo?>("--corpus") { Description = "A labelled corpus (JSON Lines, see tests/corpora/README.md)." };
        var command = new Command("eval", "Score the engine: per-entity precision/recall/F1 on a corpus, or the Guardian is_pii decision.")
        {
            policy, guardian, labels, corpus,
        };
        command.Validators.Add(result =>
        {
            var hasGuardian = result.GetValue(guardian) is not null;
            var hasCorpus = result.GetValue(corpus) is not null;
            if (hasGuardian == hasCorpus)
            {
                result.AddError("Give either --guardian CSV --labels CSV, or --corpus FILE.");
            }
            else if (hasGuardian && result.GetValue(labels) is null)
            {
                result.AddError("--guardian needs --labels.");
            }
        });
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var scanner = PolicySources.LoadSnapshot(parse.GetValue(policy)?.FullName).DefaultRule.Scanner;
            if (parse.GetValue(corpus) is { } corpusFile)
            {
                using var reader = corpusFile.OpenText();
                CorpusEvaluation.WriteReport(CorpusEvaluation.Evaluate(scanner, reader), Console.Out);
                return 0;
            }

            using var dataset = parse.GetValue(guardian)!.OpenText();
            using var labelReader = parse.GetValue(labels)!.OpenText();
            var (score, disagreements) = GuardianEvaluation.Evaluate(scanner, dataset, labelReader);
            GuardianEvaluation.WriteReport(score, disagreements, Console.Out);
            return 0;
        }));
        return command;
    }
}
