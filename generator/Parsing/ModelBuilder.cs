using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NJsonSchema;
using NSwag;
using OmsGenerated.Generator.Parsing.Syntax;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Turns NSwag's document into the immutable <see cref="ApiModel"/> right away, so nothing from NSwag, NJsonSchema or
/// the syntax tree flows further down the pipeline. Every decision (names, fallbacks, collisions) is made here, where
/// it can raise a located diagnostic. Problems become diagnostics, never exceptions.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly Regex s_pathParameter = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);
    private static readonly string[] s_successCodes = { "200", "201", "202", "203", "204", "205", "206", "2XX" };
    private static readonly Regex s_statusCode = new(@"^([1-5][0-9][0-9]|[1-5]XX)$", RegexOptions.CultureInvariant);

    private readonly SpecInput _input;
    private readonly OpenApiDocument _document;
    private readonly SpecPositions _positions;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _isSwagger2;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, string> _exceptionByModel = new(StringComparer.Ordinal);

    private ModelBuilder(SpecInput input, OpenApiDocument document, SpecPositions positions, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _input = input;
        _document = document;
        _positions = positions;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _isSwagger2 = document.SchemaType == SchemaType.Swagger2;
    }

    public static ApiModel Build(SpecInput input, OpenApiDocument document, SpecPositions positions, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => new ModelBuilder(input, document, positions, diagnostics, cancellationToken).Build();

    private ApiModel Build()
    {
        _typeNames.UnionWith(ReservedTypeNames);
        _typeNames.Add(_input.ClientName);
        var catalogName = ErrorCatalogName(_input.ClientName);
        _typeNames.Add(catalogName);

        RegisterComponentSchemas();
        var interfaceName = UniqueTypeName("I" + _input.ClientName, "Client interface", new[] { "info" });
        var credentialsName = _document.SecurityDefinitions is { Count: > 0 } ? UniqueTypeName(_input.ClientName + "Credentials", "Credentials class", new[] { "info" }) : null;
        var securitySchemes = BuildSecuritySchemes(credentialsName);
        credentialsName = securitySchemes.Count == 0 ? null : credentialsName;
        var operations = BuildOperations();
        BuildPendingObjects();
        FinishHierarchies();
        operations = ResolveObjectParameters(operations);

        var errors = _exceptionByModel
            .Select(pair => ToErrorType(pair.Value, _objects.First(o => o.Name == pair.Key)))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToEquatableArray();

        return new ApiModel(
            System.IO.Path.GetFileName(_input.FilePath),
            _input.Namespace,
            _input.ClientName,
            _input.Accessibility,
            Clean(_document.Info?.Title),
            Clean(_document.Info?.Description),
            DefaultBaseUrl(),
            _objects.ToEquatableArray(),
            _enums.ToEquatableArray(),
            errors,
            operations.ToEquatableArray(),
            ReadErrorCodes(),
            interfaceName,
            credentialsName,
            securitySchemes.ToEquatableArray()) { Unions = _unions.ToEquatableArray() };
    }

    public static string ErrorCatalogName(string clientName)
        => (clientName.EndsWith("Client", StringComparison.Ordinal) && clientName.Length > 6 ? clientName.Substring(0, clientName.Length - 6) : clientName) + "ErrorCodes";

    private List<OperationModel> BuildOperations()
    {
        var operations = new List<OperationModel>();
        var methodNames = new HashSet<string>(StringComparer.Ordinal) { _input.ClientName, "ToString", "Equals", "GetHashCode", "GetType", "BaseUrl", "DefaultBaseUrl" };
        foreach (var description in _document.Operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var operation = BuildOperation(description, methodNames);
            if (operation is not null)
            {
                var where = new[] { "paths", description.Path, description.Method.ToLowerInvariant() };
                operations.Add(operation with
                {
                    Security = ReadSecurity(description.Operation, where),
                    RawResponse = BuildRawResponse(description.Operation, operation.MethodName, methodNames, where),
                });
            }
        }

        return NameHelpers(operations);
    }

    private OperationModel? BuildOperation(OpenApiOperationDescription description, HashSet<string> methodNames)
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

        // the generated method's locals start with "__", which no spec name becomes; only its last parameters are taken
        var usedParameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "requestOptions" };
        var parameters = new List<ParameterModel>();
        JsonSchema? swagger2Body = null;
        var swagger2BodyRequired = false;
        string? swagger2BodyDescription = null;
        var formParameters = new List<OpenApiParameter>();

        foreach (var parameter in operation.ActualParameters)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parameterAt = _positions.Parameter(path, description.Method, parameter.Name);
            var parameterWhere = where.Concat(new[] { "parameters" }).ToArray();
            switch (parameter.Kind)
            {
                case OpenApiParameterKind.Path:
                case OpenApiParameterKind.Query:
                case OpenApiParameterKind.Header:
                case OpenApiParameterKind.Cookie:
                    parameters.Add(BuildParameter(parameter, baseName, usedParameterNames, parameterWhere, parameterAt));
                    break;
                case OpenApiParameterKind.Body:
                    if (operation.RequestBody is null || _isSwagger2)
                    {
                        swagger2Body = parameter.Schema ?? parameter;
                        swagger2BodyRequired = parameter.IsRequired;
                        swagger2BodyDescription = parameter.Description;
                    }

                    break;
                case OpenApiParameterKind.FormData:
                    formParameters.Add(parameter);
                    break;
                default:
                    ReportAt(DiagnosticDescriptors.UnsupportedConstruct, parameterAt, "Parameter kind " + parameter.Kind + " of '" + parameter.Name + "'", "it is left out of the generated method");
                    break;
            }
        }

        var pathParts = BuildPathParts(path, parameters, usedParameterNames, where);

        BodyModel? body = null;
        if (!_isSwagger2 && operation.ActualRequestBody is { } requestBody && requestBody.Content.Count > 0)
        {
            body = BuildOpenApi3Body(requestBody, baseName, usedParameterNames, where);
        }
        else if (swagger2Body is not null)
        {
            if (formParameters.Count > 0)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "formData parameters beside a body parameter", "Swagger 2.0 allows one or the other; the body parameter is sent");
            }

            body = BuildSwagger2Body(operation, swagger2Body, swagger2BodyRequired, swagger2BodyDescription, baseName, usedParameterNames, where);
        }
        else if (formParameters.Count > 0)
        {
            body = BuildSwagger2FormBody(operation, formParameters, baseName, usedParameterNames, where.Concat(new[] { "parameters" }).ToArray());
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
            operation.IsDeprecated,
            displayName,
            ReadIdempotency(operation, httpMethod, where));
    }

    /// <summary>RFC 9110's idempotent methods, unless the operation's <c>x-idempotent</c> boolean says otherwise.</summary>
    private bool ReadIdempotency(OpenApiOperation operation, string httpMethod, string[] where)
    {
        var byMethod = httpMethod is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";
        if (operation.ExtensionData is null || !operation.ExtensionData.TryGetValue("x-idempotent", out var raw))
        {
            return byMethod;
        }

        if (ExtensionValues.AsStrictBool(raw) is { } declared)
        {
            return declared;
        }

        ReportAt(
            DiagnosticDescriptors.UnsupportedConstruct,
            _positions.Value(where.Concat(new[] { "x-idempotent" }).ToArray()),
            "x-idempotent value '" + (ExtensionValues.AsScalarText(raw) ?? "(not a scalar)") + "'",
            "it must be the boolean true or false; the operation is treated as " + (byMethod ? "idempotent" : "not idempotent") + ", as its HTTP method " + httpMethod + " is");
        return byMethod;
    }

    private string UniqueParameterName(string rawName, HashSet<string> usedNames, string[] where)
        => UniqueParameterName(rawName, usedNames, _positions.Key(where));

    private string UniqueParameterName(string rawName, HashSet<string> usedNames, LocationInfo where)
    {
        var candidate = Naming.ToCamelCase(rawName);
        if (Naming.IsKeyword(candidate))
        {
            var escaped = "@" + candidate;
            ReportAt(DiagnosticDescriptors.KeywordName, where, rawName, escaped);
            candidate = escaped;
        }

        var name = Naming.Unique(candidate, usedNames);
        if (name != candidate)
        {
            ReportAt(DiagnosticDescriptors.DuplicateName, where, "Parameter", rawName, candidate, name);
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
                parameters.Add(new ParameterModel(wireName, UniqueParameterName(wireName, usedNames, where), ParameterLocation.Path, TypeRef.String, true, false, false, null, Constraints.None, ParameterStyle.Simple, EquatableArray<ParameterField>.Empty));
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

    private ResponseModel? BuildResponse(OpenApiOperation operation, string baseName, string[] where, out List<ErrorMappingModel> errorMappings)
    {
        errorMappings = new List<ErrorMappingModel>();
        var responses = operation.ActualResponses.ToDictionary(r => r.Key, r => r.Value.ActualResponse, StringComparer.Ordinal);
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
            var selected = SelectResponseContent(response, operation);
            if (selected is { } content)
            {
                var type = content.Kind == BodyKind.Json
                    ? Map(content.Schema, baseName + "Response", where.Concat(new[] { "responses", successCode }).ToArray())
                    : content.Kind == BodyKind.Text ? TypeRef.String : new TypeRef(TypeKind.Bytes);
                success = new ResponseModel(type, content.Kind, Clean(response.Description), content.ContentType, content.Others);
            }
        }

        foreach (var entry in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var code = entry.Key.Trim().ToUpperInvariant();
            if (code != "DEFAULT" && !s_statusCode.IsMatch(code))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where.Concat(new[] { "responses", entry.Key }).ToArray(), "Response status '" + entry.Key + "'", "it is not an HTTP status, a range such as 4XX, or 'default', and is ignored");
                continue;
            }

            var isError = code.StartsWith("4", StringComparison.Ordinal) || code.StartsWith("5", StringComparison.Ordinal) || code == "DEFAULT" && !defaultIsSuccess;
            if (!isError)
            {
                continue;
            }

            var selected = SelectResponseContent(entry.Value, operation);
            if (selected is not { Kind: BodyKind.Json } content)
            {
                continue;
            }

            var type = Map(content.Schema, baseName + (code == "DEFAULT" ? "Default" : code) + "Error", where.Concat(new[] { "responses", entry.Key }).ToArray());
            if (type.Kind != TypeKind.Object)
            {
                continue;
            }

            var mappedCode = code == "DEFAULT" ? "XXX" : code;
            if (errorMappings.Any(m => m.StatusCode == mappedCode))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where.Concat(new[] { "responses", entry.Key }).ToArray(), "Response '" + entry.Key + "', a second key for status " + mappedCode, "the first one listed is used");
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

    private SelectedContent? SelectResponseContent(OpenApiResponse response, OpenApiOperation operation)
    {
        if (response.Content.Count > 0)
        {
            return SelectResponseContentType(response.Content.Select(c => (c.Key, c.Value?.Schema)).ToList());
        }

        if (response.Schema is { } schema)
        {
            // Swagger 2: one schema for every type in produces
            var produces = operation.ActualProduces?.Where(p => !string.IsNullOrWhiteSpace(p)).ToList() ?? new List<string>();
            if ((schema.ActualSchema.Type & JsonObjectType.File) != 0 || schema.ActualSchema.Format == "binary")
            {
                var binaryType = produces.FirstOrDefault(p => !IsJson(p) && !p.Contains("*")) ?? "application/octet-stream";
                return new SelectedContent(binaryType, schema, BodyKind.Binary, null, null);
            }

            if (produces.Count == 0 || produces.Any(IsJson))
            {
                var jsonType = produces.FirstOrDefault(p => MediaType(p) == "application/json") ?? produces.FirstOrDefault(IsJson) ?? "application/json";
                return new SelectedContent(jsonType, schema, BodyKind.Json, null, null);
            }

            return SelectResponseContentType(produces.Select(p => (p, (JsonSchema?)schema)).ToList());
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
        if (_document.ExtensionData is null || !_document.ExtensionData.TryGetValue("x-error-codes", out var raw) || raw is null)
        {
            return EquatableArray<ErrorCodeModel>.Empty;
        }

        var codes = new List<ErrorCodeModel>();
        foreach (var entry in ExtensionValues.AsList(raw))
        {
            var code = ExtensionValues.AsString(ExtensionValues.Get(entry, "code"));
            var status = ExtensionValues.AsInt(ExtensionValues.Get(entry, "status"));
            var message = ExtensionValues.AsString(ExtensionValues.Get(entry, "message"));
            if (string.IsNullOrWhiteSpace(code) || status is null || message is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, new[] { "x-error-codes" }, "An x-error-codes entry without code, status and message", "it is left out of the error-code catalog");
                continue;
            }

            codes.Add(new ErrorCodeModel(code!, status.Value, message, ExtensionValues.AsString(ExtensionValues.Get(entry, "action"))));
        }

        return codes.ToEquatableArray();
    }

    private string? DefaultBaseUrl()
    {
        foreach (var server in _document.Servers ?? Enumerable.Empty<OpenApiServer>())
        {
            var url = server?.Url ?? string.Empty;
            foreach (var variable in server?.Variables ?? Enumerable.Empty<KeyValuePair<string, OpenApiServerVariable>>())
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value?.Default ?? string.Empty);
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == "https" || absolute.Scheme == "http"))
            {
                return url.TrimEnd('/');
            }
        }

        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string[] where, params string[] arguments)
        => ReportAt(descriptor, _positions.Key(where), arguments);

    private void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo at, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, at, arguments));
}
