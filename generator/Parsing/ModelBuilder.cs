using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing.Document;
using OmsGenerated.Generator.Parsing.OpenApi;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Turns the document view into the immutable <see cref="ApiModel"/> right away, so nothing
/// from the spec tree flows further down the pipeline. Problems become diagnostics, never exceptions.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly Regex s_pathParameter = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);
    private static readonly string[] s_successCodes = { "200", "201", "202", "203", "204", "205", "206", "2XX" };

    private readonly SpecInput _input;
    private readonly OpenApiDocument _document;
    private readonly SpecLocator _locator;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _isSwagger2;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, string> _exceptionByModel = new(StringComparer.Ordinal);

    private ModelBuilder(SpecInput input, OpenApiDocument document, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _input = input;
        _document = document;
        _locator = locator;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _isSwagger2 = document.IsSwagger2;
    }

    public static ApiModel Build(SpecInput input, OpenApiDocument document, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => new ModelBuilder(input, document, locator, diagnostics, cancellationToken).Build();

    private ApiModel Build()
    {
        _typeNames.Add(_input.ClientName);
        var catalogName = ErrorCatalogName(_input.ClientName);
        _typeNames.Add(catalogName);

        RegisterComponentSchemas();
        var operations = BuildOperations();
        BuildPendingObjects();

        var errors = _exceptionByModel
            .Select(pair => ToErrorType(pair.Value, _objects.First(o => o.Name == pair.Key)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToEquatableArray();

        return new ApiModel(
            System.IO.Path.GetFileName(_input.FilePath),
            _input.Namespace,
            _input.ClientName,
            _input.Accessibility,
            _document.Title,
            _document.Description,
            DefaultBaseUrl(),
            _objects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            errors,
            operations.ToEquatableArray(),
            ReadErrorCodes());
    }

    public static string ErrorCatalogName(string clientName)
        => (clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > 6 ? clientName.Substring(0, clientName.Length - 6) : clientName) + "ErrorCodes";

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal) { _input.ClientName, "ToString", "Equals", "GetHashCode", "GetType" };
        foreach (var description in _document.Operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var operation = BuildOperation(description, methodNames);
            if (operation is not null)
            {
                operations.Add(operation);
            }
        }

        return operations;
    }

    private OperationModel? BuildOperation(OperationDescription description, HashSet<string> methodNames)
    {
        var operation = description.Operation;
        var httpMethod = description.Method.ToUpperInvariant();
        var path = description.Path;
        var where = new[] { "paths", path, description.Method.ToLowerInvariant() };
        var rawName = string.IsNullOrWhiteSpace(operation.OperationId) ? description.Method + " " + path : operation.OperationId!;
        var baseName = Naming.ToPascalCase(rawName);
        var displayName = string.IsNullOrWhiteSpace(operation.OperationId) ? httpMethod + " " + path : operation.OperationId!;

        if (httpMethod is not ("GET" or "POST" or "PUT" or "DELETE" or "PATCH" or "HEAD" or "OPTIONS"))
        {
            Report(DiagnosticDescriptors.OperationSkipped, where, displayName, "HTTP method " + httpMethod + " is not supported");
            return null;
        }

        // the generated method's own locals are taken too
        var usedParameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "url", "query", "request", "info", "adapter", "stream" };
        var parameters = new List<ParameterModel>();
        Schema? swagger2Body = null;
        var swagger2BodyRequired = false;
        string? swagger2BodyDescription = null;

        foreach (var parameter in operation.ActualParameters)
        {
            var parameterWhere = where.Concat(new[] { parameter.Name ?? string.Empty }).ToArray();
            switch (parameter.Kind)
            {
                case ParameterKind.Path:
                case ParameterKind.Query:
                case ParameterKind.Header:
                    parameters.Add(BuildParameter(parameter, baseName, usedParameterNames, parameterWhere));
                    break;
                case ParameterKind.Body:
                    if (operation.RequestBody is null || _isSwagger2)
                    {
                        swagger2Body = parameter.Schema ?? parameter.AsSchema;
                        swagger2BodyRequired = parameter.IsRequired;
                        swagger2BodyDescription = parameter.Description;
                    }

                    break;
                case ParameterKind.FormData:
                    Report(DiagnosticDescriptors.OperationSkipped, where, displayName, "form-data parameters are not supported yet");
                    return null;
                case ParameterKind.Cookie:
                    if (parameter.IsRequired)
                    {
                        Report(DiagnosticDescriptors.OperationSkipped, where, displayName, "required cookie parameters are not supported");
                        return null;
                    }

                    Report(DiagnosticDescriptors.UnsupportedConstruct, parameterWhere, "Cookie parameter '" + parameter.Name + "'", "it is left out of the generated method");
                    break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedConstruct, parameterWhere, "Parameter kind " + parameter.Kind + " of '" + parameter.Name + "'", "it is left out of the generated method");
                    break;
            }
        }

        var pathParts = BuildPathParts(path, parameters, usedParameterNames, where);

        BodyModel? body = null;
        if (!_isSwagger2 && operation.RequestBody is { } requestBody && requestBody.Content.Count > 0)
        {
            var bodyName = UniqueParameterName("body", usedParameterNames, where);
            var selected = SelectContent(requestBody.Content);
            if (selected is null)
            {
                if (requestBody.IsRequired)
                {
                    Report(DiagnosticDescriptors.OperationSkipped, where, displayName, "request content type(s) " + string.Join(", ", requestBody.Content.Select(c => c.Key)) + " are not supported yet");
                    return null;
                }

                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Optional request body of type " + string.Join(", ", requestBody.Content.Select(c => c.Key)), "the method sends no body");
            }
            else
            {
                var (contentType, schema, kind) = selected.Value;
                var type = kind == BodyKind.Json ? Map(schema, baseName + "Request", where.Concat(new[] { "requestBody" }).ToArray()) : kind == BodyKind.Text ? TypeRef.String : new TypeRef(TypeKind.Bytes);
                body = new BodyModel(bodyName, type, kind, contentType, requestBody.IsRequired, Clean(requestBody.Description));
            }
        }
        else if (swagger2Body is not null)
        {
            var bodyName = UniqueParameterName("body", usedParameterNames, where);
            var type = Map(swagger2Body, baseName + "Request", where);
            body = new BodyModel(bodyName, type, BodyKind.Json, "application/json", swagger2BodyRequired, Clean(swagger2BodyDescription));
        }

        var response = BuildResponse(operation, baseName, where, out var errorMappings);
        var methodName = Naming.Unique(baseName + "Async", methodNames);
        if (methodName != baseName + "Async")
        {
            Report(DiagnosticDescriptors.DuplicateName, where, "Operation", displayName, baseName + "Async", methodName);
        }

        return new OperationModel(
            methodName,
            httpMethod,
            path,
            pathParts.ToEquatableArray(),
            parameters.ToEquatableArray(),
            body,
            response,
            errorMappings.ToEquatableArray(),
            Clean(operation.Summary),
            Clean(operation.Description),
            operation.IsDeprecated);
    }

    private ParameterModel BuildParameter(Parameter parameter, string operationName, HashSet<string> usedNames, string[] where)
    {
        var schema = parameter.Schema ?? parameter.AsSchema;
        var type = Map(schema, operationName + Naming.ToPascalCase(parameter.Name), where);
        if (!IsSimpleParameterType(type))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Parameter '" + parameter.Name + "' of an object or nested type", "it is passed as a preformatted string");
            type = TypeRef.String;
        }

        var name = UniqueParameterName(parameter.Name ?? "value", usedNames, where);
        var explode = _isSwagger2
            ? parameter.CollectionFormat == "multi"
            : parameter.Explode ?? parameter.Style is null or "form";
        var required = parameter.Kind == ParameterKind.Path || parameter.IsRequired;
        var location = parameter.Kind switch
        {
            ParameterKind.Path => ParameterLocation.Path,
            ParameterKind.Header => ParameterLocation.Header,
            _ => ParameterLocation.Query,
        };
        return new ParameterModel(parameter.Name ?? name, name, location, type, required, explode, IsSensitive(parameter.AsSchema), Clean(parameter.Description), ReadConstraints(schema));
    }

    private static bool IsSimpleParameterType(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Bytes => false,
        TypeKind.Array => type.Element is { } element && element.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.Bytes),
        _ => true,
    };

    private string UniqueParameterName(string rawName, HashSet<string> usedNames, string[] where)
    {
        var candidate = Naming.ToCamelCase(rawName);
        if (Naming.IsKeyword(candidate))
        {
            var escaped = "@" + candidate;
            Report(DiagnosticDescriptors.KeywordName, where, rawName, escaped);
            candidate = escaped;
        }

        var name = Naming.Unique(candidate, usedNames);
        if (name != candidate)
        {
            Report(DiagnosticDescriptors.DuplicateName, where, "Parameter", rawName, candidate, name);
        }

        return name;
    }

    private List<PathPart> BuildPathParts(string path, List<ParameterModel> parameters, HashSet<string> usedNames, string[] where)
    {
        var parts = new List<PathPart>();
        var last = 0;
        foreach (Match match in s_pathParameter.Matches(path))
        {
            if (match.Index > last)
            {
                parts.Add(new PathPart(path.Substring(last, match.Index - last), -1));
            }

            var wireName = match.Groups[1].Value;
            var index = parameters.FindIndex(p => p.Location == ParameterLocation.Path && p.WireName == wireName);
            if (index < 0)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Path parameter '{" + wireName + "}' without a declaration", "it is generated as a required string parameter");
                parameters.Add(new ParameterModel(wireName, UniqueParameterName(wireName, usedNames, where), ParameterLocation.Path, TypeRef.String, true, false, false, null, Constraints.None));
                index = parameters.Count - 1;
            }

            parts.Add(new PathPart(null, index));
            last = match.Index + match.Length;
        }

        if (last < path.Length)
        {
            parts.Add(new PathPart(path.Substring(last), -1));
        }

        // A declared path parameter that the template does not use would never be sent.
        for (var i = parameters.Count - 1; i >= 0; i--)
        {
            if (parameters[i].Location == ParameterLocation.Path && !parts.Any(p => p.ParameterIndex == i))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Path parameter '" + parameters[i].WireName + "' missing from the path template", "it is left out of the generated method");
                parameters.RemoveAt(i);
                for (var p = 0; p < parts.Count; p++)
                {
                    if (parts[p].ParameterIndex > i)
                    {
                        parts[p] = parts[p] with { ParameterIndex = parts[p].ParameterIndex - 1 };
                    }
                }
            }
        }

        return parts;
    }

    private ResponseModel? BuildResponse(Operation operation, string baseName, string[] where, out List<ErrorMappingModel> errorMappings)
    {
        errorMappings = new List<ErrorMappingModel>();
        var responses = operation.ActualResponses;
        var successCode = s_successCodes.FirstOrDefault(responses.ContainsKey);
        var defaultIsSuccess = successCode is null && responses.ContainsKey("default");
        if (defaultIsSuccess)
        {
            successCode = "default";
        }

        ResponseModel? success = null;
        if (successCode is not null)
        {
            var response = responses[successCode];
            var selected = SelectResponseContent(response);
            if (selected is { } content)
            {
                var type = content.Kind == BodyKind.Json
                    ? Map(content.Schema, baseName + "Response", where.Concat(new[] { "responses", successCode }).ToArray())
                    : content.Kind == BodyKind.Text ? TypeRef.String : new TypeRef(TypeKind.Bytes);
                success = new ResponseModel(type, content.Kind, Clean(response.Description));
            }
        }

        foreach (var entry in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var code = entry.Key.ToUpperInvariant();
            var isError = code.StartsWith("4", StringComparison.Ordinal) || code.StartsWith("5", StringComparison.Ordinal) || code == "DEFAULT" && !defaultIsSuccess;
            if (!isError)
            {
                continue;
            }

            var selected = SelectResponseContent(entry.Value);
            if (selected is not { Kind: BodyKind.Json } content)
            {
                continue;
            }

            var type = Map(content.Schema, baseName + (code == "DEFAULT" ? "Default" : code) + "Error", where.Concat(new[] { "responses", entry.Key }).ToArray());
            if (type.Kind != TypeKind.Object)
            {
                continue;
            }

            if (!_exceptionByModel.TryGetValue(type.Name!, out var exceptionName))
            {
                exceptionName = UniqueTypeName(type.Name + "Exception", "Exception", where);
                _exceptionByModel[type.Name!] = exceptionName;
            }

            errorMappings.Add(new ErrorMappingModel(code == "DEFAULT" ? "XXX" : code, exceptionName));
        }

        return success;
    }

    private (string ContentType, Schema? Schema, BodyKind Kind)? SelectResponseContent(Response response)
    {
        if (response.Content.Count > 0)
        {
            return SelectContent(response.Content, requireSchema: true);
        }

        if (response.Schema is { } schema)
        {
            var kind = (schema.ActualSchema.Type & SchemaTypes.File) != 0 ? BodyKind.Binary : BodyKind.Json;
            return ("application/json", schema, kind);
        }

        return null;
    }

    private static (string ContentType, Schema? Schema, BodyKind Kind)? SelectContent(IEnumerable<KeyValuePair<string, Schema?>> content, bool requireSchema = false)
    {
        var list = content.ToList();
        foreach (var entry in list)
        {
            var mediaType = entry.Key.ToLowerInvariant();
            if (mediaType.Contains("json") && (!requireSchema || entry.Value is not null))
            {
                return (entry.Key, entry.Value, BodyKind.Json);
            }
        }

        foreach (var entry in list)
        {
            var mediaType = entry.Key.ToLowerInvariant();
            if (mediaType.StartsWith("text/plain", StringComparison.Ordinal))
            {
                return (entry.Key, entry.Value, BodyKind.Text);
            }

            if (mediaType.StartsWith("application/octet-stream", StringComparison.Ordinal) || entry.Value?.ActualSchema.Format == "binary")
            {
                return (entry.Key, entry.Value, BodyKind.Binary);
            }
        }

        return null;
    }

    private ErrorTypeModel ToErrorType(string exceptionName, ObjectTypeModel model)
    {
        string? Find(params string[] jsonNames)
            => model.Properties.FirstOrDefault(p => p.Type.Kind == TypeKind.String && jsonNames.Contains(p.JsonName))?.Name;

        return new ErrorTypeModel(
            exceptionName,
            model.Name,
            Find("error_code", "errorCode", "code"),
            Find("error_msg", "errorMsg", "error_message", "errorMessage", "message"),
            Find("error_detail", "errorDetail", "detail", "details"),
            Find("request_id", "requestId"));
    }

    private EquatableArray<ErrorCodeModel> ReadErrorCodes()
    {
        var raw = _document.Extension("x-error-codes");
        if (raw is null)
        {
            return EquatableArray<ErrorCodeModel>.Empty;
        }

        var codes = new List<ErrorCodeModel>();
        foreach (var item in SpecValues.Items(raw))
        {
            var entry = item as SpecMap ?? SpecMap.Empty;
            var code = entry.GetString("code");
            var status = entry.GetInt("status");
            var message = entry.GetString("message");
            if (string.IsNullOrWhiteSpace(code) || status is null || message is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, new[] { "x-error-codes" }, "An x-error-codes entry without code, status and message", "it is left out of the error-code catalog");
                continue;
            }

            codes.Add(new ErrorCodeModel(code!, status.Value, message, entry.GetString("action")));
        }

        return codes.ToEquatableArray();
    }

    private string? DefaultBaseUrl()
    {
        foreach (var url in _document.ServerUrls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
            {
                return url.TrimEnd('/');
            }
        }

        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string[] where, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _locator.Find(where), arguments));
}
