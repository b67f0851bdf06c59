using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using static Envoy.Extensions.Filters.Http.ExtProc.V3.ProcessingMode.Types;

namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>
/// The rules every Envoy config we ship must follow (envoy/README.md): the ext_proc filter before the router,
/// fail closed, BUFFERED by default, mode override limited to "skip body" combinations, the route name sent as an
/// attribute, and every ext_proc cluster on HTTP/2 at the service's gRPC port or Unix socket.
/// </summary>
internal static class ExtProcConfigRules
{
    /// <summary>Asserts every rule; <paramref name="source"/> names the file or scenario in failure messages.</summary>
    public static void AssertAll(EnvoyBootstrapView view, string source)
    {
        var managers = view.ConnectionManagers().ToList();
        Assert.True(managers.Count > 0, $"{source}: no HTTP connection manager");
        var checkedOne = false;
        foreach (var (listener, manager) in managers)
        {
            var filters = EnvoyBootstrapView.ExtProcFilters(manager).ToList();
            if (filters.Count == 0)
            {
                continue;
            }

            checkedOne = true;
            Assert.True(filters.Count == 1, $"{source}: {listener.Name} has {filters.Count} ext_proc filters; expected one");
            var filter = filters[0];
            AssertFilterOrder(manager, source);
            AssertFilter(filter, source);
            AssertClusterWiring(view, filter.GrpcService.EnvoyGrpc.ClusterName, source);
            AssertBufferSizes(view, listener, filter, source);
            foreach (var (route, perRoute) in EnvoyBootstrapView.Routes(manager))
            {
                if (perRoute?.Overrides is { } overrides)
                {
                    AssertOverrides(view, overrides, $"{source}: route {route.Name}");
                }
            }
        }

        Assert.True(checkedOne, $"{source}: no connection manager has the ext_proc filter");
    }

    private static void AssertFilterOrder(HttpConnectionManager manager, string source)
    {
        var extProc = EnvoyBootstrapView.IndexOfFilter(manager, ExternalProcessor.Descriptor.FullName);
        var router = EnvoyBootstrapView.IndexOfRouter(manager);
        Assert.True(router >= 0, $"{source}: no router filter");
        Assert.True(extProc < router, $"{source}: ext_proc (index {extProc}) must come before the router (index {router})");
        Assert.True(router == manager.HttpFilters.Count - 1, $"{source}: the router must be the last HTTP filter");
    }

    private static void AssertFilter(ExternalProcessor filter, string source)
    {
        Assert.False(filter.FailureModeAllow, $"{source}: failure_mode_allow must be false (fail closed)");
        Assert.False(filter.ObservabilityMode, $"{source}: observability_mode cannot redact");
        Assert.True(filter.StatusOnError is not null && (int)filter.StatusOnError.Code >= 500,
            $"{source}: status_on_error must be a 5xx status");
        Assert.NotNull(filter.GrpcService?.EnvoyGrpc);
        Assert.Contains(filter.GrpcService!.InitialMetadata, header => header.Key == ServiceDefaults.PolicyMetadataKey);

        var mode = filter.ProcessingMode;
        Assert.NotNull(mode);
        Assert.Equal(HeaderSendMode.Send, mode.RequestHeaderMode);
        Assert.Equal(HeaderSendMode.Send, mode.ResponseHeaderMode);
        Assert.Equal(BodySendMode.Buffered, mode.RequestBodyMode);
        Assert.Equal(BodySendMode.Buffered, mode.ResponseBodyMode);

        Assert.NotNull(filter.MessageTimeout);
        Assert.NotNull(filter.MaxMessageTimeout);
        var messageTimeout = filter.MessageTimeout.ToTimeSpan();
        Assert.True(messageTimeout >= TimeSpan.FromMilliseconds(500),
            $"{source}: message_timeout {messageTimeout} is too short for a worst-case scan (Envoy's default 200 ms causes 504s)");
        Assert.True(filter.MaxMessageTimeout.ToTimeSpan() >= messageTimeout, $"{source}: max_message_timeout below message_timeout");

        Assert.True(filter.AllowModeOverride, $"{source}: allow_mode_override lets the service skip binary bodies");
        AssertSkipBodyOverridesOnly(filter, source);
        Assert.Contains("xds.route_name", filter.RequestAttributes);
    }

    /// <summary>allowed_override_modes must list exactly the three "skip body" variants of the filter-level mode.</summary>
    private static void AssertSkipBodyOverridesOnly(ExternalProcessor filter, string source)
    {
        var baseMode = filter.ProcessingMode;
        var expected = new HashSet<(BodySendMode Request, BodySendMode Response)>
        {
            (BodySendMode.None, baseMode.ResponseBodyMode),
            (baseMode.RequestBodyMode, BodySendMode.None),
            (BodySendMode.None, BodySendMode.None),
        };
        var actual = new HashSet<(BodySendMode, BodySendMode)>();
        foreach (var allowed in filter.AllowedOverrideModes)
        {
            Assert.True(allowed.ResponseHeaderMode == baseMode.ResponseHeaderMode,
                $"{source}: an allowed override changes the response header mode");
            Assert.True(allowed.RequestTrailerMode == baseMode.RequestTrailerMode && allowed.ResponseTrailerMode == baseMode.ResponseTrailerMode,
                $"{source}: an allowed override changes a trailer mode");
            Assert.True(actual.Add((allowed.RequestBodyMode, allowed.ResponseBodyMode)), $"{source}: duplicate allowed override mode");
        }

        Assert.True(expected.SetEquals(actual),
            $"{source}: allowed_override_modes must be exactly the skip-body combinations; got {string.Join(", ", actual)}");
    }

    private static void AssertOverrides(EnvoyBootstrapView view, ExtProcOverrides overrides, string source)
    {
        if (overrides.FailureModeAllow is { } failOpen)
        {
            Assert.False(failOpen, $"{source}: per-route failure_mode_allow must stay false");
        }

        if (overrides.ProcessingMode is { } mode)
        {
            Assert.Equal(HeaderSendMode.Send, mode.RequestHeaderMode);
            Assert.Equal(HeaderSendMode.Send, mode.ResponseHeaderMode);
            Assert.True(mode.RequestBodyMode is not BodySendMode.BufferedPartial && mode.ResponseBodyMode is not BodySendMode.BufferedPartial,
                $"{source}: BUFFERED_PARTIAL forwards the remainder of a body unscanned");
            if (mode.RequestBodyMode == BodySendMode.FullDuplexStreamed || mode.ResponseBodyMode == BodySendMode.FullDuplexStreamed)
            {
                Assert.True(mode.RequestTrailerMode == HeaderSendMode.Send && mode.ResponseTrailerMode == HeaderSendMode.Send,
                    $"{source}: FULL_DUPLEX_STREAMED needs trailer modes SEND");
            }
        }

        if (overrides.GrpcService is { } service)
        {
            AssertClusterWiring(view, service.EnvoyGrpc.ClusterName, source);
        }
    }

    /// <summary>The ext_proc cluster speaks HTTP/2 and points at the gRPC port or the Unix socket.</summary>
    public static void AssertClusterWiring(EnvoyBootstrapView view, string clusterName, string source)
    {
        var cluster = view.Cluster(clusterName);
        var options = EnvoyBootstrapView.ProtocolOptions(cluster);
        Assert.True(options?.ExplicitHttpConfig?.Http2ProtocolOptions is not null,
            $"{source}: cluster {clusterName} must use explicit HTTP/2 (gRPC over h2c)");
        var endpoints = cluster.LoadAssignment.Endpoints.SelectMany(e => e.LbEndpoints).ToList();
        Assert.True(endpoints.Count > 0, $"{source}: cluster {clusterName} has no endpoint");
        foreach (var endpoint in endpoints)
        {
            var address = endpoint.Endpoint.Address;
            if (address.Pipe is { } pipe)
            {
                Assert.Equal(ServiceDefaults.UnixSocketPath, pipe.Path);
            }
            else
            {
                Assert.True(address.SocketAddress.PortValue == ServiceDefaults.GrpcPort,
                    $"{source}: cluster {clusterName} port {address.SocketAddress.PortValue} != the service's --grpc-port default {ServiceDefaults.GrpcPort}");
            }
        }
    }

    private static void AssertBufferSizes(EnvoyBootstrapView view, Envoy.Config.Listener.V3.Listener listener, ExternalProcessor filter, string source)
    {
        Assert.True(listener.PerConnectionBufferLimitBytes is not null,
            $"{source}: listener {listener.Name} must set per_connection_buffer_limit_bytes (the largest BUFFERED body)");
        var limit = listener.PerConnectionBufferLimitBytes!.Value;
        var maxReceive = filter.GrpcService.EnvoyGrpc.MaxReceiveMessageLength;
        Assert.True(maxReceive is null || maxReceive >= limit,
            $"{source}: max_receive_message_length {maxReceive} is below the buffer limit {limit}: a redacted body reply would be refused");
        var http2 = EnvoyBootstrapView.ProtocolOptions(view.Cluster(filter.GrpcService.EnvoyGrpc.ClusterName))!.ExplicitHttpConfig.Http2ProtocolOptions;
        Assert.True(http2.InitialStreamWindowSize is null || http2.InitialStreamWindowSize >= limit,
            $"{source}: the ext_proc cluster's initial_stream_window_size is below the buffer limit {limit}");
    }
}
