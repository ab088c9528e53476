using System;
using System.Collections.Generic;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>What the walks over the syntax tree need to know about OpenAPI keys, in one place.</summary>
internal static class SpecKeywords
{
    /// <summary>Maps whose keys are names chosen by the author (of properties, schemas, media types…), never keywords.</summary>
    public static readonly HashSet<string> NamedMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "schemas", "parameters", "responses", "requestBodies", "headers",
        "paths", "content", "callbacks", "links", "variables", "encoding", "securitySchemes", "securityDefinitions", "$defs",
        "webhooks", "pathItems",
    };

    /// <summary>A key whose value is data (examples, defaults, enum values, extensions), not more of the document.</summary>
    public static bool IsData(string key)
        => key is "example" or "examples" or "default" or "enum" or "const" || key.StartsWith("x-", StringComparison.Ordinal);
}
