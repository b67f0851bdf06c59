namespace PiiExtProc.Diagnostics;

/// <summary>Settings of the audit event log (`serve --audit`, `--audit-sample-rate`).</summary>
internal sealed record AuditOptions
{
    /// <summary>True (the default) to write audit events.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Fraction of info-only events written, in [0, 1]; warning and critical events are always written. Default 1.
    /// </summary>
    public double InfoSampleRate { get; init; } = 1;

    /// <summary>Events waiting for the writer; when full, new events are dropped and counted. Default 10 000.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Where JSON lines go: standard output by default; whole lines, one Write call per batch of events.</summary>
    public TextWriter Output { get; init; } = Console.Out;
}
