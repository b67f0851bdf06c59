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

    /// <summary>
    /// Pacing of the writer: after a write that emptied the queue, the next write waits until this much time has
    /// passed, so the events of a busy server leave in a few large writes (a system call each) instead of one per
    /// wake-up; a write that filled its batch is followed at once. An event is written at most this long after it was
    /// queued plus one batch's writing time; shutdown writes what is queued without waiting. Default 20 ms; zero writes
    /// on every wake-up.
    /// </summary>
    public TimeSpan WriteInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Where JSON lines go: standard output by default; whole lines, one Write call per batch of events.</summary>
    public TextWriter Output { get; init; } = Console.Out;
}
