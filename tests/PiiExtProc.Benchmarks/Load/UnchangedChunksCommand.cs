using System.Buffers;
using System.Globalization;
using PiiExtProc.Benchmarks.Corpus;

namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `unchanged-chunks --kind CleanJson --size 10240 --chunk 2560`: how many STREAMED chunk replies can go without a body
/// mutation. Scans the corpus body in chunks of <c>--chunk</c> bytes, once for every length of the first chunk (1 to
/// <c>--chunk</c>: every place the boundaries can fall), with the session's release of settled bytes off (as for
/// BUFFERED-sized hold-back) and on (as the server runs STREAMED), and prints the share of chunks that came back
/// unchanged and of bodies whose every chunk did. Output and findings are checked equal to the body scanned whole.
/// </summary>
internal static class UnchangedChunksCommand
{
    public static int Run(Arguments arguments)
    {
        var kind = Enum.Parse<BodyKind>(arguments.Get("kind", nameof(BodyKind.CleanJson)));
        var size = arguments.GetInt("size", 10 * 1024);
        var chunk = arguments.GetInt("chunk", 2560);
        var body = BodyCorpus.Get(kind, size);
        var format = BodyCorpus.FormatOf(kind);
        var scanner = BenchmarkPolicy.CreateScanner();
        var whole = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
        using (var session = scanner.RentSession(format))
        {
            if (session.Process(body, isFinal: true, whole).IsUnchanged)
            {
                whole.Write(body);
            }
        }

        foreach (var settled in new[] { false, true })
        {
            long chunks = 0, unchanged = 0, bodiesAllUnchanged = 0;
            for (var first = 1; first <= chunk; first++)
            {
                var output = new System.Buffers.ArrayBufferWriter<byte>(body.Length * 2);
                using var session = scanner.RentSession(format);
                session.ReleaseSettledBytes = settled;
                var all = true;
                for (var offset = 0; offset < body.Length;)
                {
                    var length = Math.Min(offset == 0 ? first : chunk, body.Length - offset);
                    var piece = body.AsSpan(offset, length);
                    var result = session.Process(piece, offset + length == body.Length, output);
                    if (result.IsUnchanged)
                    {
                        output.Write(piece);
                        unchanged++;
                    }

                    all &= result.IsUnchanged;
                    chunks++;
                    offset += length;
                }

                bodiesAllUnchanged += all ? 1 : 0;
                if (!output.WrittenSpan.SequenceEqual(whole.WrittenSpan))
                {
                    Console.Error.WriteLine($"output differs from the whole body's (first chunk {first} bytes, settled {settled})");
                    return 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind} {body.Length} B in {chunk}-byte chunks, {chunk} boundary offsets, release of settled bytes {(settled ? "on " : "off")}: {100.0 * unchanged / chunks:0.0}% of {chunks} chunks unchanged, {100.0 * bodiesAllUnchanged / chunk:0.0}% of bodies with every chunk unchanged"));
        }

        return 0;
    }
}
