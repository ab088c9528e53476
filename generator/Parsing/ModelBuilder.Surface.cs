using System;
using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NJsonSchema;
using NSwag;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// The client surface beyond one method per operation: the raw-response method and its typed headers, and the names
/// of each operation's private helpers (error mapper, Kiota error table, adapter method), unique ignoring case.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] s_apiResponseMembers = { "StatusCode", "Headers", "Value", "ToString", "Equals", "GetHashCode", "GetType" };

    private RawResponseModel BuildRawResponse(OpenApiOperation operation, string methodName, ISet<string> methodNames, string[] where)
    {
        // "ListPetsAsync2" (a renamed duplicate) → "ListPets2WithResponseAsync"
        var suffix = System.Text.RegularExpressions.Regex.Match(methodName, "Async([0-9]*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var stem = suffix.Success ? methodName.Substring(0, suffix.Index) + suffix.Groups[1].Value : methodName;
        var withResponse = Naming.Unique(stem + "WithResponseAsync", methodNames);
        if (withResponse != stem + "WithResponseAsync")
        {
            Report(DiagnosticDescriptors.DuplicateName, where, "Raw-response method", stem, stem + "WithResponseAsync", withResponse);
        }

        var typeName = HasDeclaredHeaders(operation) ? UniqueTypeName(stem + "ApiResponse", "Raw response class", where) : null;
        var headers = ReadResponseHeaders(operation, where, typeName);
        typeName = headers.Count > 0 ? typeName : null;

        return new RawResponseModel(withResponse, typeName, headers.ToEquatableArray());
    }

    /// <summary>
    /// Names the helpers of every operation: <c>Map{stem}Error</c>, <c>s_{stem}KiotaErrors</c>,
    /// <c>{stem}OverRequestAdapterAsync</c> and <c>s_{stem}Operation</c>, with one stem per operation that no other
    /// stem, public method or helper equals under case folding (<c>MapAbcError</c>/<c>MapABCError</c> confuse tools;
    /// an operation named <c>xOverRequestAdapter</c> would clash with the helper of <c>x</c>).
    /// </summary>
    private List<OperationModel> NameHelpers(List<OperationModel> operations)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { Fold(_input.ClientName), Fold("BaseUrl"), Fold("DefaultBaseUrl") };
        foreach (var operation in operations)
        {
            taken.Add(Fold(operation.MethodName));
            if (operation.RawResponse is { } raw)
            {
                taken.Add(Fold(raw.WithResponseMethod));
            }
        }

        var shared = new Dictionary<EquatableArray<ErrorMappingModel>, (string Mapper, string Kiota)>();
        var result = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            var methodStem = operation.MethodName.EndsWith("Async", StringComparison.Ordinal) ? operation.MethodName.Substring(0, operation.MethodName.Length - 5) : operation.MethodName;
            var stem = methodStem;
            for (var i = 2; !Free(stem); i++)
            {
                stem = methodStem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var camel = char.ToLowerInvariant(stem[0]) + stem.Substring(1);
            var names = new[] { "Map" + stem + "Error", "s_" + camel + "KiotaErrors", stem + "OverRequestAdapterAsync", "s_" + camel + "Operation" };
            foreach (var name in names)
            {
                taken.Add(Fold(name));
            }

            var owns = !shared.TryGetValue(operation.ErrorMappings, out var maps);
            if (owns)
            {
                maps = (names[0], names[1]);
                shared[operation.ErrorMappings] = maps;
            }

            result.Add(operation with { Helpers = new OperationHelpers(maps.Mapper, maps.Kiota, owns, names[2], names[3]) });

            bool Free(string candidate)
                => !taken.Contains(Fold("Map" + candidate + "Error")) && !taken.Contains(Fold("s_" + candidate + "KiotaErrors"))
                   && !taken.Contains(Fold(candidate + "OverRequestAdapterAsync")) && !taken.Contains(Fold("s_" + candidate + "Operation"));
        }

        return result;
    }

    /// <summary>Case folding for name comparison: invariant upper case after compatibility normalization (K, the Kelvin sign, is K).</summary>
    internal static string Fold(string name) => name.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant();

    private static string? SuccessCode(OpenApiOperation operation)
        => s_successCodes.FirstOrDefault(operation.ActualResponses.ContainsKey) ?? (operation.ActualResponses.ContainsKey("default") ? "default" : null);

    private static bool HasDeclaredHeaders(OpenApiOperation operation)
        => SuccessCode(operation) is { } code && operation.ActualResponses[code].ActualResponse.Headers is { Count: > 0 };

    private List<ResponseHeaderModel> ReadResponseHeaders(OpenApiOperation operation, string[] where, string? typeName)
    {
        var result = new List<ResponseHeaderModel>();
        var code = SuccessCode(operation);
        if (code is null || operation.ActualResponses[code].ActualResponse.Headers is not { Count: > 0 } declared)
        {
            return result;
        }

        // the runtime base class's members, and the class's own name (CS0542)
        var used = new HashSet<string>(s_apiResponseMembers, StringComparer.OrdinalIgnoreCase) { typeName ?? "Value" };
        foreach (var entry in declared.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue; // OpenAPI: a Content-Type response header is ignored
            }

            var candidate = Naming.ToPascalCase(entry.Key);
            var name = Naming.Unique(candidate, used);
            if (name != candidate)
            {
                Report(DiagnosticDescriptors.DuplicateName, where.Concat(new[] { "responses", code, "headers", entry.Key }).ToArray(), "Response header", entry.Key, candidate, name);
            }

            var schema = entry.Value?.ActualSchema;
            result.Add(new ResponseHeaderModel(entry.Key, name, HeaderKind(entry.Key, schema), Clean(entry.Value?.Description)));
        }

        return result;
    }

    private static ResponseHeaderKind HeaderKind(string name, JsonSchema? schema)
    {
        if (name.Equals("Location", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseHeaderKind.Uri;
        }

        if (schema is null)
        {
            return ResponseHeaderKind.String;
        }

        var type = schema.Type & ~JsonObjectType.Null;
        return type switch
        {
            JsonObjectType.Integer => schema.Format == "int32" ? ResponseHeaderKind.Int32 : ResponseHeaderKind.Int64,
            JsonObjectType.Number => ResponseHeaderKind.Double,
            JsonObjectType.Boolean => ResponseHeaderKind.Boolean,
            JsonObjectType.String when schema.Format == "date-time" => ResponseHeaderKind.DateTimeOffset,
            JsonObjectType.String when schema.Format is "uri" or "uri-reference" => ResponseHeaderKind.Uri,
            _ => ResponseHeaderKind.String,
        };
    }
}
