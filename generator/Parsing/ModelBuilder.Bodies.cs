using System;
using System.Collections.Generic;
using System.Linq;
using NJsonSchema;
using NSwag;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Request and response bodies: which declared content type is used and how it goes on the wire. JSON is preferred
/// (plain <c>application/json</c> first, then <c>+json</c> and vendor types, sent with their own media type); else the
/// first listed: multipart and urlencoded forms field by field, <c>text/*</c> as a string, anything else as a stream.
/// Every body can be sent, so no operation is skipped for its content type.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly TypeRef s_formFieldMap = new(TypeKind.Map, Element: TypeRef.String);

    private readonly record struct SelectedContent(string ContentType, JsonSchema? Schema, BodyKind Kind, string? Others, OpenApiMediaType? Media);

    private BodyModel? BuildOpenApi3Body(OpenApiRequestBody requestBody, string baseName, HashSet<string> usedNames, string[] where)
    {
        var entries = requestBody.Content.Select(c => (c.Key, c.Value?.Schema, c.Value)).ToList();
        var selected = SelectRequestContent(entries);
        var bodyWhere = where.Concat(new[] { "requestBody" }).ToArray();
        var description = Clean(requestBody.Description);
        if (selected.Kind is BodyKind.Form or BodyKind.Multipart)
        {
            return BuildFormBody(selected, selected.Schema, requestBody.IsRequired, description, baseName, usedNames, bodyWhere);
        }

        var name = UniqueParameterName("body", usedNames, where);
        return new BodyModel(name, BodyType(selected, baseName, bodyWhere), selected.Kind, selected.ContentType, requestBody.IsRequired, description, default, selected.Others);
    }

    private BodyModel BuildSwagger2Body(OpenApiOperation operation, JsonSchema schema, bool isRequired, string? description, string baseName, HashSet<string> usedNames, string[] where)
    {
        var consumes = operation.ActualConsumes?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? new List<string>();
        var actual = schema.ActualSchema;
        var isBinary = (actual.Type & JsonObjectType.File) != 0 || actual.Type == JsonObjectType.String && actual.Format == "binary";
        SelectedContent selected;
        if (consumes.Count == 0)
        {
            selected = new SelectedContent(isBinary ? "application/octet-stream" : "application/json", schema, isBinary ? BodyKind.Binary : BodyKind.Json, null, null);
        }
        else
        {
            selected = SelectRequestContent(consumes.Select(c => (c, (JsonSchema?)schema, (OpenApiMediaType?)null)).ToList());
            if (selected.Kind is BodyKind.Form or BodyKind.Multipart)
            {
                // a body parameter is one document: a form type in consumes (meant for formData) does not apply to it
                selected = selected with { ContentType = "application/json", Kind = BodyKind.Json };
            }
        }

        var name = UniqueParameterName("body", usedNames, where);
        return new BodyModel(name, BodyType(selected, baseName, where), selected.Kind, selected.ContentType, isRequired, Clean(description), default, selected.Others);
    }

    /// <summary>Swagger 2 <c>formData</c> parameters: multipart when <c>consumes</c> says so or a file is among them, else urlencoded.</summary>
    private BodyModel BuildSwagger2FormBody(OpenApiOperation operation, List<OpenApiParameter> formParameters, string baseName, HashSet<string> usedNames, string[] where)
    {
        var consumes = operation.ActualConsumes?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? new List<string>();
        var hasFile = formParameters.Any(p => IsFileSchema(p.Schema ?? p) || (p.Schema ?? p).ActualSchema.Item is { } item && IsFileSchema(item));
        var multipart = consumes.FirstOrDefault(c => MediaType(c) == "multipart/form-data");
        var urlencoded = consumes.FirstOrDefault(c => MediaType(c) == "application/x-www-form-urlencoded");
        var kind = multipart is not null && (hasFile || urlencoded is null) ? BodyKind.Multipart : hasFile ? BodyKind.Multipart : BodyKind.Form;
        var contentType = kind == BodyKind.Multipart ? multipart ?? "multipart/form-data" : urlencoded ?? "application/x-www-form-urlencoded";
        if (hasFile && multipart is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, "A file among formData parameters without multipart/form-data in consumes", "the form is sent as multipart/form-data, the only form type that carries files");
        }

        var fields = new List<FormFieldModel>();
        foreach (var parameter in formParameters.OrderBy(p => p.IsRequired ? 0 : 1))
        {
            var schema = parameter.Schema ?? parameter;
            fields.Add(BuildFormField(parameter.Name ?? "field", schema, parameter.IsRequired, Clean(parameter.Description), null, kind, baseName, usedNames, where));
        }

        var others = string.Join(", ", consumes.Where(c => !string.Equals(c, contentType, StringComparison.OrdinalIgnoreCase)));
        return new BodyModel("body", s_formFieldMap, kind, contentType, fields.Any(f => f.IsRequired), null, fields.ToEquatableArray(), others.Length == 0 ? null : others);
    }

    private BodyModel BuildFormBody(SelectedContent selected, JsonSchema? schema, bool isRequired, string? description, string baseName, HashSet<string> usedNames, string[] where)
    {
        var actual = schema is null ? null : Resolve(schema);
        var properties = actual?.ActualProperties;
        if (properties is null || properties.Count == 0)
        {
            // no declared fields: the caller passes them by name
            var name = UniqueParameterName("body", usedNames, where);
            return new BodyModel(name, s_formFieldMap, selected.Kind, selected.ContentType, isRequired, description, default, selected.Others);
        }

        var fields = new List<FormFieldModel>();
        // declaration order (the document's, so deterministic), required fields first as in the method's signature
        foreach (var property in properties.Select(p => p.Value).OrderBy(p => actual!.RequiredProperties.Contains(p.Name) || p.IsRequired ? 0 : 1))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            // NSwag 14 reads an encoding's contentType from 'encodingType', so a document's encoding is seen only when spelled that way
            var encoding = selected.Media?.Encoding is { } encodings && encodings.TryGetValue(property.Name, out var declared) ? declared?.EncodingType : null;
            var required = isRequired && (actual!.RequiredProperties.Contains(property.Name) || property.IsRequired);
            fields.Add(BuildFormField(property.Name, property, required, Clean(property.Description), encoding, selected.Kind, baseName, usedNames, where));
        }

        var kind = selected.Kind;
        if (kind == BodyKind.Form && fields.Any(f => f.Kind is FormFieldKind.File or FormFieldKind.FileArray))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, "A binary field in an application/x-www-form-urlencoded body", "the form is sent as multipart/form-data, the only form type that carries files");
            kind = BodyKind.Multipart;
        }

        return new BodyModel("body", s_formFieldMap, kind, kind == selected.Kind ? selected.ContentType : "multipart/form-data", fields.Any(f => f.IsRequired), description, fields.ToEquatableArray(), selected.Others);
    }

    private FormFieldModel BuildFormField(string wireName, JsonSchema schema, bool isRequired, string? description, string? encoding, BodyKind formKind, string baseName, HashSet<string> usedNames, string[] where)
    {
        var name = UniqueParameterName(wireName, usedNames, where);
        if (IsFileSchema(schema))
        {
            return new FormFieldModel(wireName, name, new TypeRef(TypeKind.Bytes), FormFieldKind.File, isRequired, encoding, description);
        }

        var type = Map(schema, baseName + Naming.ToPascalCase(wireName), where);
        var kind = type.Kind switch
        {
            TypeKind.Bytes => FormFieldKind.File,
            TypeKind.Array when type.Element is { Kind: TypeKind.Bytes } => FormFieldKind.FileArray,
            TypeKind.Array when type.Element is { } element && IsSimpleParameterType(element) && element.Kind != TypeKind.Array => FormFieldKind.Value,
            TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.Any or TypeKind.Array => FormFieldKind.Json,
            _ => FormFieldKind.Value,
        };
        return new FormFieldModel(wireName, name, type, kind, isRequired, encoding, description);
    }

    private static bool IsFileSchema(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        return (actual.Type & JsonObjectType.File) != 0 || actual.Type.HasFlag(JsonObjectType.String) && actual.Format == "binary";
    }

    private TypeRef BodyType(SelectedContent selected, string baseName, string[] where) => selected.Kind switch
    {
        BodyKind.Json => Map(selected.Schema, baseName + "Request", where),
        BodyKind.Text => TypeRef.String,
        _ => new TypeRef(TypeKind.Bytes),
    };

    /// <summary>Never fails: a type nothing else claims is sent as a stream with that media type.</summary>
    private static SelectedContent SelectRequestContent(List<(string ContentType, JsonSchema? Schema, OpenApiMediaType? Media)> entries)
    {
        string? Others(string chosen)
        {
            var rest = entries.Select(e => e.ContentType).Where(c => !string.Equals(c, chosen, StringComparison.Ordinal)).ToList();
            return rest.Count == 0 ? null : string.Join(", ", rest);
        }

        var json = entries.FirstOrDefault(e => MediaType(e.ContentType) == "application/json");
        if (json.ContentType is null)
        {
            json = entries.FirstOrDefault(e => IsJson(e.ContentType));
        }

        if (json.ContentType is not null)
        {
            return new SelectedContent(json.ContentType, json.Schema, BodyKind.Json, Others(json.ContentType), json.Media);
        }

        var first = entries[0];
        var media = MediaType(first.ContentType);
        var kind = media switch
        {
            "multipart/form-data" => BodyKind.Multipart,
            "application/x-www-form-urlencoded" => BodyKind.Form,
            _ when media.StartsWith("text/", StringComparison.Ordinal) => BodyKind.Text,
            _ when media.Contains('*') && first.Schema?.ActualSchema is { } s && (s.Type.HasFlag(JsonObjectType.Object) || s.Type.HasFlag(JsonObjectType.Array) || s.ActualProperties.Count > 0) => BodyKind.Json,
            _ => BodyKind.Binary,
        };

        // a range (*/*, image/*) is not a Content-Type
        var contentType = media.Contains('*') ? kind == BodyKind.Json ? "application/json" : "application/octet-stream" : first.ContentType;
        return new SelectedContent(contentType, first.Schema, kind, Others(first.ContentType), first.Media);
    }

    private static SelectedContent? SelectResponseContentType(List<(string ContentType, JsonSchema? Schema)> entries)
    {
        string? Others(string chosen)
        {
            var rest = entries.Select(e => e.ContentType).Where(c => !string.Equals(c, chosen, StringComparison.Ordinal)).ToList();
            return rest.Count == 0 ? null : string.Join(", ", rest);
        }

        var json = entries.FirstOrDefault(e => MediaType(e.ContentType) == "application/json" && e.Schema is not null);
        if (json.ContentType is null)
        {
            json = entries.FirstOrDefault(e => IsJson(e.ContentType) && e.Schema is not null);
        }

        if (json.ContentType is not null)
        {
            return new SelectedContent(json.ContentType, json.Schema, BodyKind.Json, Others(json.ContentType), null);
        }

        // JSON declared without a schema says nothing to decode; another declared type is still read
        var first = entries.FirstOrDefault(e => !IsJson(e.ContentType));
        if (first.ContentType is null)
        {
            return null;
        }

        var media = MediaType(first.ContentType);
        var kind = media.StartsWith("text/", StringComparison.Ordinal) && media != "text/event-stream" ? BodyKind.Text : BodyKind.Binary;
        return new SelectedContent(first.ContentType, first.Schema, kind, Others(first.ContentType), null);
    }

    private static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
    }

    private static bool IsJson(string contentType)
    {
        var media = MediaType(contentType);
        return media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal) || media == "text/json" || (media.Contains("json") && !media.Contains("ndjson") && !media.Contains("json-seq"));
    }
}
