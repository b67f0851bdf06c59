using Envoy.Config.Bootstrap.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Upstreams.Http.V3;

namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>Read-only navigation over a parsed <see cref="Bootstrap"/>: connection managers, ext_proc filters, routes, clusters.</summary>
internal sealed class EnvoyBootstrapView(Bootstrap bootstrap)
{
    /// <summary>The filter name Envoy uses for the ext_proc HTTP filter and its per-route config key.</summary>
    public const string ExtProcFilterName = "envoy.filters.http.ext_proc";

    /// <summary>The parsed bootstrap.</summary>
    public Bootstrap Bootstrap { get; } = bootstrap;

    /// <summary>Every HTTP connection manager of every static listener, with the listener it belongs to.</summary>
    public IEnumerable<(Envoy.Config.Listener.V3.Listener Listener, HttpConnectionManager Manager)> ConnectionManagers()
    {
        foreach (var listener in Bootstrap.StaticResources.Listeners)
        {
            foreach (var chain in listener.FilterChains)
            {
                foreach (var filter in chain.Filters)
                {
                    if (filter.TypedConfig is { } any && any.Is(HttpConnectionManager.Descriptor))
                    {
                        yield return (listener, any.Unpack<HttpConnectionManager>());
                    }
                }
            }
        }
    }

    /// <summary>The ext_proc filter configs of a connection manager, in filter-chain order.</summary>
    public static IEnumerable<ExternalProcessor> ExtProcFilters(HttpConnectionManager manager)
    {
        foreach (var filter in manager.HttpFilters)
        {
            if (filter.TypedConfig is { } any && any.Is(ExternalProcessor.Descriptor))
            {
                yield return any.Unpack<ExternalProcessor>();
            }
        }
    }

    /// <summary>Index of the first filter whose typed config is <paramref name="descriptorFullName"/>; -1 if none.</summary>
    public static int IndexOfFilter(HttpConnectionManager manager, string descriptorFullName)
    {
        for (var i = 0; i < manager.HttpFilters.Count; i++)
        {
            var any = manager.HttpFilters[i].TypedConfig;
            if (any is not null && any.TypeUrl.EndsWith("/" + descriptorFullName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the router filter; -1 if none.</summary>
    public static int IndexOfRouter(HttpConnectionManager manager) => IndexOfFilter(manager, Router.Descriptor.FullName);

    /// <summary>Every route of the inline route config with its per-route ext_proc config (null when none).</summary>
    public static IEnumerable<(Route Route, ExtProcPerRoute? PerRoute)> Routes(HttpConnectionManager manager)
    {
        if (manager.RouteConfig is null)
        {
            yield break;
        }

        foreach (var host in manager.RouteConfig.VirtualHosts)
        {
            foreach (var route in host.Routes)
            {
                ExtProcPerRoute? perRoute = null;
                if (route.TypedPerFilterConfig.TryGetValue(ExtProcFilterName, out var any))
                {
                    Assert.True(any.Is(ExtProcPerRoute.Descriptor), $"route {route.Name}: {ExtProcFilterName} per-route config is {any.TypeUrl}");
                    perRoute = any.Unpack<ExtProcPerRoute>();
                }

                yield return (route, perRoute);
            }
        }
    }

    /// <summary>The static cluster named <paramref name="name"/>; fails the test when absent.</summary>
    public Cluster Cluster(string name)
    {
        var cluster = Bootstrap.StaticResources.Clusters.FirstOrDefault(c => c.Name == name);
        Assert.True(cluster is not null, $"cluster '{name}' is referenced but not defined");
        return cluster!;
    }

    /// <summary>The upstream HTTP protocol options of a cluster, or null when it has none.</summary>
    public static HttpProtocolOptions? ProtocolOptions(Cluster cluster)
    {
        foreach (var (_, any) in cluster.TypedExtensionProtocolOptions)
        {
            if (any.Is(HttpProtocolOptions.Descriptor))
            {
                return any.Unpack<HttpProtocolOptions>();
            }
        }

        return null;
    }
}
