using Envoy.Extensions.Filters.Http.ExtProc.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.EnvoyConfig.Tests;

public sealed class ChartExampleTests
{
    [Fact]
    public void IstioEnvoyFilter_PatchValue_ParsesAsFailClosedExtProcHttpFilter()
    {
        // Arrange: configPatches[0].patch.value of the EnvoyFilter is an Envoy HttpFilter.
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryPaths.Combine("helm", "pii-ext-proc", "examples", "istio-envoyfilter.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var patch = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)root["spec"])["configPatches"])[0])["patch"];

        // Act
        var filter = EnvoyConfigParser.ParseJson<HttpFilter>(YamlToJson.ToJson(patch["value"]));

        // Assert
        var extProc = filter.TypedConfig.Unpack<ExternalProcessor>();
        Assert.False(extProc.FailureModeAllow);
        Assert.EndsWith($"|{ServiceDefaults.GrpcPort}||pii-pii-ext-proc.pii.svc.cluster.local", extProc.GrpcService.EnvoyGrpc.ClusterName);
        Assert.Equal(3, extProc.AllowedOverrideModes.Count);
    }
}
