using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// NSwag reads OpenAPI 3.1 documents with its 3.0 model, which rejects what 3.1 relaxed (an operation
/// without <c>responses</c>, a document without <c>paths</c>). Only 3.1 documents pay for this: they are
/// turned into JSON here, patched, and handed to NSwag's JSON reader.
/// </summary>
internal static class OpenApi31Normalizer
{
    public static string Normalize(string text, bool isJson)
    {
        var root = isJson ? JToken.Parse(text) : YamlToJson(text);
        if (root is JObject document)
        {
            if (document["paths"] is not JObject paths)
            {
                document["paths"] = paths = new JObject();
            }

            foreach (var pathItem in paths.Properties().Select(p => p.Value).OfType<JObject>())
            {
                foreach (var operation in pathItem.Properties().Where(p => IsMethod(p.Name)).Select(p => p.Value).OfType<JObject>())
                {
                    if (operation["responses"] is not JObject)
                    {
                        operation["responses"] = new JObject { ["default"] = new JObject { ["description"] = string.Empty } };
                    }
                }
            }
        }

        return root.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static bool IsMethod(string name)
        => name is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace";

    private static JToken YamlToJson(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? new JObject() : Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Children)
                {
                    obj[((YamlScalarNode)entry.Key).Value ?? string.Empty] = Convert(entry.Value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JArray(sequence.Children.Select(Convert));
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
                {
                    if (value is "null" or "~" or "")
                    {
                        return JValue.CreateNull();
                    }

                    if (value is "true" or "false")
                    {
                        return new JValue(value == "true");
                    }

                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                    {
                        return new JValue(integer);
                    }

                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        return new JValue(number);
                    }
                }

                return new JValue(value);
            default:
                return JValue.CreateNull();
        }
    }
}
