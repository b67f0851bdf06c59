using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PiiExtProc.Routing;

namespace PiiExtProc.Hosting;

/// <summary>
/// The readiness health check behind /readyz and grpc.health.v1 (services "" and the ext_proc service name): healthy
/// once the host has started (listeners bound) and a policy is loaded; unhealthy again from the moment shutdown begins,
/// so Kubernetes stops routing to the pod and Envoy's active health checks see NOT_SERVING while in-flight streams
/// finish.
/// </summary>
/// <remarks>Thread-safe. Follows <see cref="IHostApplicationLifetime.ApplicationStarted"/> and
/// <see cref="IHostApplicationLifetime.ApplicationStopping"/>; works when first resolved after start.</remarks>
internal sealed class ReadinessGate : IHealthCheck
{
    private const int Starting = 0;
    private const int Started = 1;
    private const int Stopping = 2;

    private readonly IPolicySource _policies;
    private int _state;

    /// <summary>Creates the gate and subscribes to the host lifetime.</summary>
    public ReadinessGate(IHostApplicationLifetime lifetime, IPolicySource policies)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _policies = policies;
        lifetime.ApplicationStarted.Register(() => Interlocked.CompareExchange(ref _state, Started, Starting));
        lifetime.ApplicationStopping.Register(MarkStopping);
    }

    /// <summary>Reports not ready from now on (shutdown began); called by the lifetime and by <see cref="ShutdownDrain"/>.</summary>
    public void MarkStopping() => Volatile.Write(ref _state, Stopping);

    /// <summary>True between start and the beginning of shutdown.</summary>
    public bool IsStarted => Volatile.Read(ref _state) == Started;

    /// <summary>True once shutdown has begun.</summary>
    public bool IsStopping => Volatile.Read(ref _state) == Stopping;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = Volatile.Read(ref _state) switch
        {
            Stopping => HealthCheckResult.Unhealthy("shutting down"),
            Starting => HealthCheckResult.Unhealthy("starting"),
            _ => PolicyLoaded() ? HealthCheckResult.Healthy("listeners up, policy loaded") : HealthCheckResult.Unhealthy("no policy loaded"),
        };
        return Task.FromResult(result);
    }

    private bool PolicyLoaded()
    {
        try
        {
            return _policies.Current is not null;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
