using PiiExtProc.Scanning.Evaluation;
using PiiExtProc.Scanning.Tests.Support;
using Xunit.Abstractions;

namespace PiiExtProc.Scanning.Tests;

public sealed class CorpusTests(ITestOutputHelper output)
{
    private static string CorpusPath(string name)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !Directory.Exists(Path.Combine(directory, "tests", "corpora")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? ".", "tests", "corpora", name);
    }

    [Fact]
    public void Evaluate_PositivesAndHardNegatives_MeetsGoals()
    {
        using var reader = new StringReader(File.ReadAllText(CorpusPath("positives.jsonl")) + File.ReadAllText(CorpusPath("hard-negatives.jsonl")));
        IReadOnlyList<EntityScore> scores = CorpusEvaluation.Evaluate(Scanners.Guardian, reader);
        var report = new StringWriter();
        CorpusEvaluation.WriteReport(scores, report);
        output.WriteLine(report.ToString());
        File.WriteAllText("/tmp/corpus-report.txt", report.ToString());
        foreach (EntityScore score in scores)
        {
            Assert.True(score.Score.Precision >= 0.99, $"{score.Entity} precision {score.Score.Precision}");
            Assert.True(score.Score.Recall >= 0.95, $"{score.Entity} recall {score.Score.Recall}");
        }
    }

    [Fact]
    public void Evaluate_HardNegatives_NoFindings()
    {
        using var reader = new StreamReader(CorpusPath("hard-negatives.jsonl"));
        IReadOnlyList<EntityScore> scores = CorpusEvaluation.Evaluate(Scanners.Guardian, reader);
        Assert.All(scores, s => Assert.Equal(0, s.Score.FalsePositives));
    }
}
