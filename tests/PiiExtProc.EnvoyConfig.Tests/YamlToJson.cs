using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PiiExtProc.EnvoyConfig.Tests;

/// <summary>
/// Converts YAML documents to JSON the way Envoy reads its YAML config: plain (unquoted) scalars that look like
/// YAML 1.2 core-schema booleans, nulls, integers or floats become JSON literals; everything else, and every
/// quoted scalar, becomes a JSON string. Anchors and aliases are resolved by YamlDotNet.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>Returns the JSON text of every document in <paramref name="yaml"/>, in order (empty documents skipped).</summary>
    public static IReadOnlyList<string> ConvertAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var result = new List<string>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            result.Add(ToJson(document.RootNode));
        }

        return result;
    }

    /// <summary>Returns the JSON text of a single-document YAML text.</summary>
    public static string Convert(string yaml)
    {
        var documents = ConvertAll(yaml);
        Assert.Single(documents);
        return documents[0];
    }

    /// <summary>Returns the JSON text of one YAML node.</summary>
    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? string.Empty);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException($"Unsupported YAML node {node.NodeType} at {node.Start}.");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
        }

        if (IntegerPattern().IsMatch(value))
        {
            writer.WriteRawValue(value.TrimStart('+'));
        }
        else if (FloatPattern().IsMatch(value))
        {
            writer.WriteNumberValue(double.Parse(value, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
