namespace PiiExtProc.Benchmarks.Load;

/// <summary>
/// `frames --out DIR`: writes each scenario's messages as gRPC frames (DIR/NAME.grpc) for h2load and curl, and
/// DIR/NAME.replies with the number of replies a CONTINUE-everything server sends (one per message), and
/// DIR/NAME.more-time with the number of extra replies our server sends before body messages of at least
/// <c>ServeOptions.OverrideMessageTimeoutAboveBytes</c> (1 MiB by default): an <c>override_message_timeout</c> each.
/// `frames --ghz FILE --scenario NAME` writes the scenario's messages as a protobuf-JSON array for ghz's -D.
/// </summary>
internal static class FramesCommand
{
    public static int Run(Arguments arguments)
    {
        if (arguments.Has("ghz"))
        {
            var scenario = ExchangeScenario.Find(arguments.Get("scenario", "pii-buffered"));
            var formatter = new Google.Protobuf.JsonFormatter(new Google.Protobuf.JsonFormatter.Settings(formatDefaultValues: false));
            var json = "[\n" + string.Join(",\n", scenario.Messages.Select(message => formatter.Format(message))) + "\n]\n";
            File.WriteAllText(arguments.Get("ghz", "ghz.json"), json);
            return 0;
        }

        var directory = arguments.Get("out", "artifacts/load/frames");
        Directory.CreateDirectory(directory);
        var threshold = new Hosting.ServeOptions().OverrideMessageTimeoutAboveBytes;
        foreach (var scenario in ExchangeScenario.Standard.Concat(ExchangeScenario.Large))
        {
            var path = Path.Combine(directory, scenario.Name + ".grpc");
            var frames = scenario.ToGrpcFrames();
            File.WriteAllBytes(path, frames);
            File.WriteAllText(Path.Combine(directory, scenario.Name + ".replies"), scenario.Messages.Length + "\n");
            var moreTime = scenario.Messages.Count(message =>
                (message.RequestBody?.Body.Length ?? message.ResponseBody?.Body.Length ?? 0) >= threshold);
            File.WriteAllText(Path.Combine(directory, scenario.Name + ".more-time"), moreTime + "\n");
            Console.WriteLine($"{path}: {scenario.Messages.Length} messages, {frames.Length} bytes");
        }

        return 0;
    }
}
