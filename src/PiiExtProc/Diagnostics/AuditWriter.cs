using System.Buffers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PiiExtProc.Diagnostics;

/// <summary>
/// The consumer side of the audit log: a background service that drains <see cref="AuditLog"/>'s queue and writes each
/// event as one JSON line to <see cref="AuditOptions.Output"/> (standard output by default), with a single
/// <see cref="TextWriter.WriteLine(ReadOnlySpan{char})"/> call (decoded into a reused buffer, no string per event) so
/// lines never interleave with other writers of the same stream.
/// </summary>
/// <remarks>On shutdown the queue is completed and drained before the service stops. A failing sink is logged once and
/// its events are dropped and counted; the writer keeps going.</remarks>
internal sealed class AuditWriter : BackgroundService
{
    private readonly AuditLog _log;
    private readonly AuditOptions _options;
    private readonly ProcessingMetrics _metrics;
    private readonly ILogger<AuditWriter> _logger;
    private bool _failureLogged;

    /// <summary>Creates the writer.</summary>
    public AuditWriter(AuditLog log, AuditOptions options, ProcessingMetrics metrics, ILogger<AuditWriter> logger)
    {
        _log = log;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _log.Complete();
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
        var buffer = new ArrayBufferWriter<byte>(1024);
        var serializer = new AuditEventSerializer();
        var chars = new char[1024];
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (reader.TryRead(out var entry))
            {
                buffer.ResetWrittenCount();
                serializer.WriteEvent(entry, buffer);

                // Decoded into a reused char buffer: no string per event.
                var needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
                if (chars.Length < needed)
                {
                    chars = new char[Math.Max(needed, chars.Length * 2)];
                }

                var length = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
                WriteLine(chars.AsSpan(0, length));
            }

            Flush();
        }
    }

    private void WriteLine(ReadOnlySpan<char> line)
    {
        try
        {
            _options.Output.WriteLine(line);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            _metrics.AuditEventDropped();
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
