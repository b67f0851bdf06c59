using System.Buffers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The consumer side of the audit log: a background service that drains <see cref="AuditLog"/>'s queue and writes each
/// event as one JSON line to <see cref="AuditOptions.Output"/> (standard output by default). The events queued when it
/// wakes are written together, up to <see cref="BatchBytes"/> of whole lines per
/// <see cref="TextWriter.Write(ReadOnlySpan{char})"/> call (decoded into a reused buffer, no string per event), so lines
/// never interleave with other writers of the same stream and a busy server makes one write per batch, not per event.
/// Writes are paced by <see cref="AuditOptions.WriteInterval"/>: after a write that emptied the queue the writer waits
/// out the interval before the next, so at any load there are at most ~50 writes a second plus one per full batch
/// (pinned h2load, PII BUFFERED: the audit log's write calls cost ~5% of the server's CPU when it wrote on every
/// wake-up, ~6 events per write).
/// </summary>
/// <remarks>On shutdown the queue is completed and drained before the service stops. A failing sink is logged once and
/// its events are dropped and counted; the writer keeps going.</remarks>
internal sealed class AuditWriter : BackgroundService
{
    /// <summary>
    /// Lines written with one call, bytes (UTF-8): a batch closes at the first event that ends past it. Large enough
    /// that a busy server's paced writes carry tens of events each; small enough that a batch and its last event stay
    /// inside the 64 KiB buffer of the server's standard output (one write(2) per batch).
    /// </summary>
    internal const int BatchBytes = 48 * 1024;

    private readonly AuditLog _log;
    private readonly AuditOptions _options;
    private readonly ProcessingMetrics _metrics;
    private readonly ILogger<AuditWriter> _logger;
    private readonly TimeProvider _time;

    /// <summary>
    /// Cancelled by <see cref="StopAsync"/>: ends a pacing wait so the queue is drained at once. Never disposed: the host
    /// may stop the service after disposing it, and a source without a timer holds nothing to release.
    /// </summary>
    private readonly CancellationTokenSource _stopping = new();
    private bool _failureLogged;

    /// <summary>Creates the writer; <paramref name="time"/> paces its writes (<see cref="AuditOptions.WriteInterval"/>).</summary>
    public AuditWriter(AuditLog log, AuditOptions options, ProcessingMetrics metrics, ILogger<AuditWriter> logger, TimeProvider time)
    {
        _log = log;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _log.Complete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Drained until the queue completes (StopAsync), not until stoppingToken: queued events are written, not lost.
        var reader = _log.Reader;
        var buffer = new ArrayBufferWriter<byte>(BatchBytes + 4096);
        var serializer = new AuditEventSerializer();
        var newLine = Encoding.UTF8.GetBytes(_options.Output.NewLine);
        var chars = new char[BatchBytes + 4096];
        var interval = _options.WriteInterval;
        long lastWrite = 0;
        var paced = false;
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // After a write that emptied the queue, let events gather until the interval has passed (not on shutdown).
            if (paced && !_stopping.IsCancellationRequested)
            {
                var wait = interval - _time.GetElapsedTime(lastWrite);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            // One batch: the events queued now, up to BatchBytes of lines, written with one call.
            var events = 0;
            buffer.ResetWrittenCount();
            while (buffer.WrittenCount < BatchBytes && reader.TryRead(out var entry))
            {
                serializer.WriteEvent(entry, buffer);
                entry.Report.ReleaseFindings();
                buffer.Write(newLine);
                events++;
            }

            // Decoded into a reused char buffer: no string per batch.
            var needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
            if (chars.Length < needed)
            {
                chars = new char[Math.Max(needed, chars.Length * 2)];
            }

            var length = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            WriteLines(chars.AsSpan(0, length), events);
            lastWrite = _time.GetTimestamp();
            var drained = !reader.TryPeek(out _);
            paced = interval > TimeSpan.Zero && drained;
            if (drained)
            {
                Flush();
            }
        }
    }

    private void WriteLines(ReadOnlySpan<char> lines, int events)
    {
        try
        {
            _options.Output.Write(lines);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            _metrics.AuditEventDropped(events);

            if (!_failureLogged)
            {
                _failureLogged = true;
                Log.AuditSinkFailed(_logger, exception.GetType().Name);
            }
        }
    }

    private void Flush()
    {
        try
        {
            _options.Output.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            if (!_failureLogged)
            {
                _failureLogged = true;
                Log.AuditSinkFailed(_logger, exception.GetType().Name);
            }
        }
    }
}
