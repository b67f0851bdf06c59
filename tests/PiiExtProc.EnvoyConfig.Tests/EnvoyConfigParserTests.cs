using Google.Protobuf;

namespace PiiExtProc.EnvoyConfig.Tests;

public sealed class EnvoyConfigParserTests
{
    // The indentation of FIELD in MinimalFilter, for multi-line replacements.
    private const string Indent = "                      ";

    private const string MinimalFilter = """
        static_resources:
          listeners:
            - name: l
              address: { socket_address: { address: 0.0.0.0, port_value: 8080 } }
              filter_chains:
                - filters:
                    - name: envoy.filters.network.http_connection_manager
                      typed_config:
                        "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                        stat_prefix: s
                        http_filters:
                          - name: envoy.filters.http.ext_proc
                            typed_config:
                              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor
                              grpc_service: { envoy_grpc: { cluster_name: c } }
                              FIELD
        """;

    [Fact]
    public void ParseBootstrap_PatchedNewerFields_Parse()
    {
        var yaml = MinimalFilter.Replace("FIELD", "status_on_error: { code: ServiceUnavailable }\n" + Indent + "allowed_override_modes: [{ request_body_mode: NONE }]\n" + Indent + "send_body_without_waiting_for_header_response: false");

        var bootstrap = EnvoyConfigParser.ParseBootstrap(yaml);

        var manager = Assert.Single(new EnvoyBootstrapView(bootstrap).ConnectionManagers()).Manager;
        var filter = Assert.Single(EnvoyBootstrapView.ExtProcFilters(manager));
        Assert.Equal(Envoy.Type.V3.StatusCode.ServiceUnavailable, filter.StatusOnError.Code);
        Assert.Single(filter.AllowedOverrideModes);
    }

    [Theory]
    [InlineData("failure_mode_alow: false")]                 // misspelled field
    [InlineData("message_timeout: 2 seconds")]               // wrong duration syntax
    [InlineData("failure_mode_allow: \"maybe\"")]            // wrong type
    [InlineData("processing_mode: { request_body_mode: BUFFERD }")] // unknown enum value
    public void ParseBootstrap_InvalidExtProcField_Throws(string field)
    {
        var yaml = MinimalFilter.Replace("FIELD", field);

        Assert.ThrowsAny<InvalidProtocolBufferException>(() => EnvoyConfigParser.ParseBootstrap(yaml));
    }

    [Fact]
    public void ParseBootstrap_UnknownTypeUrl_Throws()
    {
        var yaml = MinimalFilter
            .Replace("ext_proc.v3.ExternalProcessor", "ext_proc.v3.ExternalProcesor")
            .Replace("FIELD", "failure_mode_allow: false");

        var error = Assert.Throws<InvalidOperationException>(() => EnvoyConfigParser.ParseBootstrap(yaml));
        Assert.Contains("ExternalProcesor", error.Message);
    }

    [Theory]
    [InlineData("port_value: 50051", "50051")]
    [InlineData("address: \"8080\"", "\"8080\"")]
    [InlineData("flag: true", "true")]
    [InlineData("ratio: 0.5", "0.5")]
    [InlineData("name: envoy.filters.http.router", "\"envoy.filters.http.router\"")]
    public void Convert_Scalars_FollowYamlCoreSchema(string yaml, string expectedValue)
    {
        var json = YamlToJson.Convert(yaml);

        Assert.EndsWith(":" + expectedValue + "}", json);
    }
}
