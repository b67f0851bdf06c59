using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PiiExtProc.Diagnostics;

namespace PiiExtProc.Hosting;

/// <summary>
/// Holds the listeners open for <see cref="ServeOptions.ShutdownDrainSeconds"/> after shutdown begins. During that
/// time <see cref="ReadinessGate"/> already reports not ready / NOT_SERVING, so Kubernetes and Envoy's health checks
/// take the instance out of rotation before Kestrel stops accepting. The delay counts against the shutdown timeout.
/// </summary>
internal sealed class ShutdownDrain : IHostedLifecycleService
{
    private readonly ServeOptions _options;
    private readonly ReadinessGate _readiness;
    private readonly ILogger<ShutdownDrain> _logger;

    /// <summary>Creates the service.</summary>
    public ShutdownDrain(ServeOptions options, ReadinessGate readiness, ILogger<ShutdownDrain> logger)
    {
        _options = options;
        _readiness = readiness;
        _logger = logger;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The host calls this before it raises ApplicationStopping when StopAsync is called directly, and after it when
    /// SIGTERM raised it first, so the gate is flipped here too.
    /// </remarks>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _readiness.MarkStopping();
        Log.ShutdownStarted(_logger, _options.ShutdownDrainSeconds);
        if (_options.ShutdownDrainSeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_options.ShutdownDrainSeconds), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ended the drain early; stopping goes on.
            }
        }
    }

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
