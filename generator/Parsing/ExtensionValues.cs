using System.Collections.Generic;
using OmsGenerated.Generator.Parsing.Document;
using OmsGenerated.Generator.Parsing.OpenApi;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Reads <c>x-</c> extension values, which can hold any JSON: a wrong kind reads as absent.</summary>
internal static class ExtensionValues
{
    public static IEnumerable<SpecNode> AsList(SpecNode? value) => SpecValues.Items(value);

    public static SpecNode? Get(SpecNode? map, string key) => (map as SpecMap)?[key];

    public static string? AsString(SpecNode? value) => SpecValues.AsString(value);

    public static bool? AsBool(SpecNode? value) => SpecValues.AsBool(value);

    public static int? AsInt(SpecNode? value) => SpecValues.AsInt(value);
}
