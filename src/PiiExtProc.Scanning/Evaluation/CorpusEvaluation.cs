using System.Globalization;
using System.Text;
using System.Text.Json;
using PiiExtProc.Scanning.Batch;

namespace PiiExtProc.Scanning.Evaluation;

/// <summary>
/// Scores the scanner per entity on a labelled corpus (tests/corpora/*.jsonl). Used by <c>PiiExtProc eval --corpus FILE</c>.
/// </summary>
/// <remarks>
/// <para>Corpus format, one JSON object per line: <c>{"format":"json|text|form|markup|multipart|csv","body":"...","entities":[{"entity":"IN_AADHAAR","value":"..."}]}</c>
/// (<c>entities</c> empty for a hard negative; an optional <c>"note"</c> is ignored). Values are given, not offsets, so
/// the corpus stays readable.</para>
/// <para>A finding counts as predicted when the policy reported it as PII (redacted, observed or blocked; below-combination
/// and allowed findings are not predictions). It matches an expected entry of the same entity when the finding's bytes
/// contain the expected value or lie inside it (JSON strings with escapes and form values are compared on the whole
/// encoded token, so a form label is written as the body has it: <c>Ravi+Kumar</c>). Each
/// expected entry matches at most one finding.</para>
/// </remarks>
public static class CorpusEvaluation
{
    /// <summary>Evaluates the corpus read from <paramref name="corpus"/>; returns per-entity scores, sorted by entity name.</summary>
    /// <exception cref="InvalidDataException">A line is not a corpus entry; the message names the line number.</exception>
    public static IReadOnlyList<EntityScore> Evaluate(PiiScanner scanner, TextReader corpus)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(corpus);
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int[] For(string entity) => counts.TryGetValue(entity, out int[]? c) ? c : counts[entity] = new int[3];
        int lineNumber = 0;
        while (corpus.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CorpusEntry entry = Parse(line, lineNumber);
            byte[] body = Encoding.UTF8.GetBytes(entry.Body);
            using Sessions.BodyScanSession session = scanner.RentSession(entry.Format);
            var writer = new System.Buffers.ArrayBufferWriter<byte>();
            session.Process(body, true, writer);
            var matched = new bool[entry.Entities.Count];
            foreach (PiiFinding finding in session.Findings)
            {
                if (finding.Action is FindingAction.BelowCombinationThreshold or FindingAction.Allowed)
                {
                    continue;
                }

                ReadOnlySpan<byte> found = body.AsSpan((int)finding.Offset, finding.Length);
                int hit = -1;
                for (int e = 0; e < entry.Entities.Count; e++)
                {
                    (string entity, byte[] value) = entry.Entities[e];
                    if (!matched[e] && entity == finding.Entity.Name && (found.IndexOf(value) >= 0 || value.AsSpan().IndexOf(found) >= 0))
                    {
                        hit = e;
                        break;
                    }
                }

                if (hit >= 0)
                {
                    matched[hit] = true;
                    For(finding.Entity.Name)[0]++;
                }
                else
                {
                    For(finding.Entity.Name)[1]++;
                }
            }

            for (int e = 0; e < matched.Length; e++)
            {
                if (!matched[e])
                {
                    For(entry.Entities[e].Entity)[2]++;
                }
            }
        }

        return counts.Select(p => new EntityScore(p.Key, new BinaryScore(p.Value[0], p.Value[1], p.Value[2], 0))).ToList();
    }

    /// <summary>Writes one line per entity: precision, recall, F1 and counts.</summary>
    public static void WriteReport(IReadOnlyList<EntityScore> scores, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("entity                precision recall    F1        TP    FP    FN");
        foreach (EntityScore s in scores)
        {
            BinaryScore b = s.Score;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Entity,-21} {b.Precision,-9:F4} {b.Recall,-9:F4} {b.F1,-9:F4} {b.TruePositives,-5} {b.FalsePositives,-5} {b.FalseNegatives,-5}"));
        }
    }

    private static CorpusEntry Parse(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            BodyFormat format = root.GetProperty("format").GetString() switch
            {
                "json" => BodyFormat.Json,
                "text" => BodyFormat.Text,
                "form" => BodyFormat.FormUrlEncoded,
                "markup" => BodyFormat.Markup,
                "multipart" => BodyFormat.Multipart,
                "csv" => BodyFormat.Csv,
                _ => throw new InvalidDataException($"Corpus line {lineNumber}: format must be json, text, form, markup, multipart or csv."),
            };
            string body = root.GetProperty("body").GetString() ?? string.Empty;
            var entities = new List<(string Entity, byte[] Value)>();
            if (root.TryGetProperty("entities", out JsonElement list))
            {
                foreach (JsonElement item in list.EnumerateArray())
                {
                    entities.Add((item.GetProperty("entity").GetString() ?? string.Empty,
                        Encoding.UTF8.GetBytes(item.GetProperty("value").GetString() ?? string.Empty)));
                }
            }

            return new CorpusEntry(format, body, entities);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"Corpus line {lineNumber} is not a corpus entry ({e.GetType().Name}).", e);
        }
    }

    private sealed record CorpusEntry(BodyFormat Format, string Body, List<(string Entity, byte[] Value)> Entities);
}
