using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Envoy.Config.Bootstrap.V3;

namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>
/// Parses Envoy YAML into Envoy's generated config types (protos restored from the pinned package and patched,
/// closure protos/closures/envoy-config.txt). The type registry holds every message type compiled into this
/// assembly, so each <c>typed_config</c> Any resolves. An unknown field or a wrong value type throws
/// <see cref="InvalidProtocolBufferException"/>; an unknown <c>@type</c> throws <see cref="InvalidOperationException"/>;
/// Envoy would reject the config in each case.
/// </summary>
internal static class EnvoyConfigParser
{
    private static readonly TypeRegistry s_registry = TypeRegistry.FromFiles(LoadFileDescriptors());

    private static readonly JsonParser s_parser =
        new(JsonParser.Settings.Default.WithTypeRegistry(s_registry).WithIgnoreUnknownFields(false));

    /// <summary>Every generated file descriptor in this assembly (Envoy, xds, validate) plus the well-known types.</summary>
    public static IReadOnlyList<FileDescriptor> LoadFileDescriptors()
    {
        var files = new List<FileDescriptor>();
        foreach (var type in typeof(EnvoyConfigParser).Assembly.GetTypes())
        {
            if (!type.Name.EndsWith("Reflection", StringComparison.Ordinal))
            {
                continue;
            }

            var property = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
            if (property?.GetValue(null) is FileDescriptor file)
            {
                files.Add(file);
            }
        }

        files.Add(Google.Protobuf.WellKnownTypes.StructReflection.Descriptor);
        files.Add(Google.Protobuf.WellKnownTypes.WrappersReflection.Descriptor);
        files.Add(Google.Protobuf.WellKnownTypes.DurationReflection.Descriptor);
        files.Add(Google.Protobuf.WellKnownTypes.AnyReflection.Descriptor);
        files.Add(Google.Protobuf.WellKnownTypes.EmptyReflection.Descriptor);
        return files;
    }

    /// <summary>The registry used to resolve Any values.</summary>
    public static TypeRegistry Registry => s_registry;

    /// <summary>Parses one YAML document into <see cref="Bootstrap"/>.</summary>
    public static Bootstrap ParseBootstrap(string yaml) => Parse<Bootstrap>(yaml);

    /// <summary>Parses one YAML document into <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string yaml)
        where T : IMessage<T>, new()
        => ParseJson<T>(YamlToJson.Convert(yaml));

    /// <summary>Parses JSON into <typeparamref name="T"/>.</summary>
    public static T ParseJson<T>(string json)
        where T : IMessage<T>, new()
        => s_parser.Parse<T>(json);
}
