using Xunit.Abstractions;

namespace PiiExtProc.EnvoyConfig.Tests;

public sealed class HelmRenderedEnvoyConfigTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("envoy-ingress", false)]
    [InlineData("sidecar", true)]
    public void EnvoyConfig_RenderedScenario_ParsesAndFollowsExtProcRules(string scenario, bool unixSocket)
    {
        // Arrange
        var helm = HelmRenderer.FindHelm();
        if (helm is null)
        {
            Assert.False(HelmRenderer.InContinuousIntegration,
                $"helm not found: CI must run .ci/helm-check.sh first and export {HelmRenderer.HelmVariable}");
            output.WriteLine($"helm not found ({HelmRenderer.HelmVariable} unset); run .ci/helm-check.sh to check the chart's Envoy config");
            return;
        }

        // Act
        var configs = HelmRenderer.EnvoyConfigs(HelmRenderer.Render(helm, scenario));

        // Assert
        var config = Assert.Single(configs);
        var view = new EnvoyBootstrapView(EnvoyConfigParser.ParseBootstrap(config));
        ExtProcConfigRules.AssertAll(view, $"helm {scenario}");
        var cluster = view.Cluster("pii_ext_proc");
        var address = cluster.LoadAssignment.Endpoints[0].LbEndpoints[0].Endpoint.Address;
        if (unixSocket)
        {
            Assert.Equal(ServiceDefaults.UnixSocketPath, address.Pipe?.Path);
        }
        else
        {
            Assert.Equal("pii-pii-ext-proc.pii.svc.cluster.local", address.SocketAddress.Address);
        }
    }

    [Fact]
    public void EnvoyConfig_StandaloneScenario_RendersNoEnvoy()
    {
        var helm = HelmRenderer.FindHelm();
        if (helm is null)
        {
            Assert.False(HelmRenderer.InContinuousIntegration, $"helm not found: set {HelmRenderer.HelmVariable}");
            return;
        }

        Assert.Empty(HelmRenderer.EnvoyConfigs(HelmRenderer.Render(helm, "standalone")));
    }
}
