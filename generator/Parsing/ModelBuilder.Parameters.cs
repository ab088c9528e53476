using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NSwag;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Path, query, header and cookie parameters: their C# names, types, and how they are serialised (style/explode).</summary>
internal sealed partial class ModelBuilder
{
    private ParameterModel BuildParameter(OpenApiParameter parameter, string operationName, HashSet<string> usedNames, string[] where, LocationInfo at)
    {
        var schema = parameter.Schema ?? parameter;
        var location = parameter.Kind switch
        {
            OpenApiParameterKind.Path => ParameterLocation.Path,
            OpenApiParameterKind.Header => ParameterLocation.Header,
            OpenApiParameterKind.Cookie => ParameterLocation.Cookie,
            _ => ParameterLocation.Query,
        };
        var type = Map(schema, operationName + Naming.ToPascalCase(parameter.Name), where);
        var (style, explode) = ReadStyle(parameter, location, at);

        // objects and maps of simple values can be spread over query keys; anywhere else they are not representable
        var spreadable = location == ParameterLocation.Query
            && (type.Kind == TypeKind.Object || type.Kind == TypeKind.Map && type.Element is { } element && IsSimpleScalar(element));
        if (style == ParameterStyle.DeepObject && !spreadable)
        {
            ReportAt(DiagnosticDescriptors.UnsupportedConstruct, at, "style: deepObject on '" + parameter.Name + "', which is not an object in the query", "it is sent in form style");
            style = ParameterStyle.Form;
        }

        if (!spreadable && !IsSimpleParameterType(type))
        {
            ReportAt(DiagnosticDescriptors.UnsupportedConstruct, at, "Parameter '" + parameter.Name + "' of an object or nested type", "it is passed as a preformatted string");
            type = TypeRef.String;
        }

        // an object's properties are known once every schema is built: see ResolveObjectParameters
        var name = UniqueParameterName(parameter.Name ?? "value", usedNames, at);
        var required = parameter.Kind == OpenApiParameterKind.Path || parameter.IsRequired;
        return new ParameterModel(parameter.Name ?? name, name, location, type, required, explode, IsSensitive(parameter), Clean(parameter.Description), ReadConstraints(schema), style, EquatableArray<ParameterField>.Empty);
    }

    private (ParameterStyle Style, bool Explode) ReadStyle(OpenApiParameter parameter, ParameterLocation location, LocationInfo at)
    {
        if (_isSwagger2)
        {
            var format = parameter.CollectionFormat;
            if (format == OpenApiParameterCollectionFormat.Tsv)
            {
                ReportAt(DiagnosticDescriptors.UnsupportedConstruct, at, "collectionFormat: tsv on '" + parameter.Name + "'", "the values are sent comma-separated");
            }

            var simple = location is ParameterLocation.Path or ParameterLocation.Header;
            return format switch
            {
                OpenApiParameterCollectionFormat.Multi when !simple => (ParameterStyle.Form, true),
                OpenApiParameterCollectionFormat.Pipes when !simple => (ParameterStyle.PipeDelimited, false),
                OpenApiParameterCollectionFormat.Ssv when !simple => (ParameterStyle.SpaceDelimited, false),
                _ => (simple ? ParameterStyle.Simple : ParameterStyle.Form, false),
            };
        }

        var declared = parameter.Style;
        ParameterStyle style;
        switch (location)
        {
            case ParameterLocation.Query:
                style = declared switch
                {
                    OpenApiParameterStyle.DeepObject => ParameterStyle.DeepObject,
                    OpenApiParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
                    OpenApiParameterStyle.SpaceDelimeted => ParameterStyle.SpaceDelimited,
                    _ => ParameterStyle.Form,
                };
                break;
            case ParameterLocation.Cookie:
                style = ParameterStyle.Form;
                break;
            default:
                style = ParameterStyle.Simple;
                break;
        }

        var allowed = declared == OpenApiParameterStyle.Undefined
            || location == ParameterLocation.Query && declared is OpenApiParameterStyle.Form or OpenApiParameterStyle.DeepObject or OpenApiParameterStyle.PipeDelimited or OpenApiParameterStyle.SpaceDelimeted
            || location == ParameterLocation.Cookie && declared == OpenApiParameterStyle.Form
            || location is ParameterLocation.Path or ParameterLocation.Header && declared == OpenApiParameterStyle.Simple;
        if (!allowed)
        {
            ReportAt(DiagnosticDescriptors.UnsupportedConstruct, at, "style: " + declared.ToString().ToLowerInvariant() + " on the " + location.ToString().ToLowerInvariant() + " parameter '" + parameter.Name + "'", "it is sent in " + style.ToString().ToLowerInvariant() + " style");
        }

        // OpenAPI: explode defaults to true for form style (and deepObject, which has no other form), false otherwise
        var explode = parameter.Explode ?? style is ParameterStyle.Form or ParameterStyle.DeepObject;
        return (style, explode);
    }

    private static bool IsSimpleScalar(TypeRef type)
        => type.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.Bytes or TypeKind.Union);

    private static bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Bytes or TypeKind.Union => false,
        TypeKind.Array => type.Element is { } element && IsSimpleScalar(element),
        _ => true,
    };

    /// <summary>
    /// Gives each object-typed query parameter the properties it is spread into. An object with a nested (object,
    /// array, map) property cannot be spread unambiguously: it becomes a preformatted string, with a warning.
    /// </summary>
    private List<OperationModel> ResolveObjectParameters(List<OperationModel> operations)
    {
        var result = new List<OperationModel>(operations.Count);
        foreach (var operation in operations)
        {
            var changed = false;
            var parameters = operation.Parameters.ToList();
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = parameters[i];
                if (p.Type.Kind != TypeKind.Object)
                {
                    continue;
                }

                var at = _positions.Parameter(operation.PathTemplate, operation.HttpMethod.ToLowerInvariant(), p.WireName);
                var model = _objects.FirstOrDefault(o => o.Name == p.Type.Name);
                changed = true;
                if (model is null || model.Properties.Any(f => !IsSimpleScalar(f.Type)))
                {
                    ReportAt(DiagnosticDescriptors.UnsupportedConstruct, at, "Parameter '" + p.WireName + "' of an object type with nested properties", "it is passed as a preformatted string");
                    parameters[i] = p with { Type = TypeRef.String, Style = p.Style == ParameterStyle.DeepObject ? ParameterStyle.Form : p.Style };
                    continue;
                }

                parameters[i] = p with
                {
                    Fields = model.Properties.Select(f => new ParameterField(f.JsonName, f.Name, f.Type, f.IsNullable)).ToEquatableArray(),
                };
            }

            result.Add(changed ? operation with { Parameters = parameters.ToEquatableArray() } : operation);
        }

        return result;
    }
}
