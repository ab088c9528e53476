using System.Collections.Generic;
using System.Linq;
using System.Text;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>
/// The client class: one async method per operation. The default path is lean (HttpClient, a URL
/// built directly with escaping, a body written once to UTF-8); the same methods also run over any
/// Kiota IRequestAdapter.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Transport = Runtime + ".Http.ApiTransport";

    public static void Emit(SourceWriter w, ApiModel api)
    {
        var name = api.ClientName;
        w.WriteDocs(api.Title is null ? "Client for the API." : "Client for " + api.Title + ".", api.Description);
        w.WriteLine(GeneratedCodeAttribute);
        w.OpenBlock(api.Accessibility + " partial class " + name + (api.InterfaceName is null ? string.Empty : " : global::" + api.Namespace + "." + api.InterfaceName));
        if (api.DefaultBaseUrl is not null)
        {
            w.WriteDocs("The first server of the API description.");
            w.WriteLine("public const string DefaultBaseUrl = " + Literal(api.DefaultBaseUrl) + ";");
            w.WriteLine();
        }

        var defaultBase = api.DefaultBaseUrl is null ? "null" : "DefaultBaseUrl";
        w.WriteLine("private readonly global::System.Net.Http.HttpClient? _httpClient;");
        w.WriteLine("private readonly " + Kiota + ".IRequestAdapter? _requestAdapter;");
        w.WriteLine("private readonly string _baseUrl;");
        w.WriteLine();
        w.WriteDocs("Creates a client over an HttpClient (add signing or token handlers to its pipeline). The base address is <paramref name=\"baseAddress\"/>, else the HttpClient's BaseAddress" + (api.DefaultBaseUrl is null ? "." : ", else DefaultBaseUrl."));
        w.OpenBlock("public " + name + "(global::System.Net.Http.HttpClient httpClient, global::System.Uri? baseAddress = null)");
        w.WriteLine("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.WriteLine("_baseUrl = " + Runtime + ".Http.BaseUrl.Resolve(baseAddress?.AbsoluteUri ?? httpClient.BaseAddress?.AbsoluteUri, " + defaultBase + ");");
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("Creates a client over a Kiota request adapter (for example HttpClientRequestAdapter); its BaseUrl is used when set.");
        w.OpenBlock("public " + name + "(" + Kiota + ".IRequestAdapter requestAdapter)");
        w.WriteLine("_requestAdapter = requestAdapter ?? throw new global::System.ArgumentNullException(nameof(requestAdapter));");
        w.WriteLine("_baseUrl = " + Runtime + ".Http.BaseUrl.Resolve(requestAdapter.BaseUrl, " + defaultBase + ");");
        w.CloseBlock();
        w.WriteLine();
        SecurityCode.EmitClientMembers(w, api);
        w.WriteDocs("The base URL requests are sent to, without a trailing slash.");
        w.WriteLine("public string BaseUrl => _baseUrl;");

        foreach (var operation in api.Operations)
        {
            w.WriteLine();
            EmitOperation(w, operation, api);
        }

        w.CloseBlock();
    }

    /// <summary>The helper names of <paramref name="op"/>: decided by the model builder, or derived from the method name in hand-built models.</summary>
    internal static OperationHelpers Helpers(OperationModel op)
    {
        if (op.Helpers is { } helpers)
        {
            return helpers;
        }

        var stem = Stem(op.MethodName);
        var camel = char.ToLowerInvariant(stem[0]) + stem.Substring(1);
        return new OperationHelpers("Map" + stem + "Error", "s_" + camel + "KiotaErrors", true, stem + "OverRequestAdapterAsync", "s_" + camel + "Operation");
    }

    private static string Stem(string methodName)
        => methodName.EndsWith("Async", System.StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - 5) : methodName;

    /// <summary>A public method's parameter list and its parameter docs, shared by the class and its interface.</summary>
    internal sealed record Signature(List<string> Parameters, List<(string Name, string Text)> Docs);

    internal static Signature PublicSignature(OperationModel op, string ns, bool withRequestOptions)
    {
        var parameters = new List<string>();
        var docs = new List<(string, string)>();
        foreach (var parameter in OrderedParameters(op))
        {
            if (parameter.Parameter is { } p)
            {
                docs.Add((p.Name.TrimStart('@'), p.Description ?? "The " + p.Location.ToString().ToLowerInvariant() + " parameter " + p.WireName + "."));
                parameters.Add(NullableTypeName(p.Type, ns, !p.IsRequired) + " " + p.Name + (p.IsRequired ? string.Empty : " = null"));
            }
            else
            {
                foreach (var field in BodyParameters(op.Body!, ns))
                {
                    docs.Add((field.Name.TrimStart('@'), field.Doc));
                    parameters.Add(field.Type + " " + field.Name + (field.IsRequired ? string.Empty : " = null"));
                }
            }
        }

        if (withRequestOptions)
        {
            docs.Add(("requestOptions", "Headers to add to this request, or a callback that changes it."));
            parameters.Add(Runtime + ".Http.ApiRequestOptions? requestOptions = null");
        }

        docs.Add(("cancellationToken", "Cancels the request."));
        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");
        return new Signature(parameters, docs);
    }

    internal static string TaskType(OperationModel op, string ns)
        => ResponseTypeName(op, ns) is { } type ? "global::System.Threading.Tasks.Task<" + type + ">" : "global::System.Threading.Tasks.Task";

    /// <summary>The raw response type of <paramref name="op"/>'s WithResponse method.</summary>
    internal static string RawResponseType(OperationModel op, string ns)
    {
        if (op.RawResponse?.TypeName is { } generated)
        {
            return "global::" + ns + "." + generated;
        }

        return ResponseTypeName(op, ns) is { } type ? Runtime + ".Http.ApiResponse<" + type + ">" : Runtime + ".Http.ApiResponse";
    }

    internal static void WriteMethodDocs(SourceWriter w, OperationModel op, Signature signature, bool raw)
    {
        var summary = op.Summary ?? op.HttpMethod + " " + op.PathTemplate;
        w.WriteDocs(raw ? summary + " Returns the status, headers and body." : summary, op.Summary is null ? op.Description : op.Description ?? (op.HttpMethod + " " + op.PathTemplate));
        foreach (var (name, text) in signature.Docs)
        {
            w.WriteDocElement("param", text, name);
        }

        EmitReturnsDoc(w, op);
    }

    private static void EmitOperation(SourceWriter w, OperationModel op, ApiModel api)
    {
        var ns = api.Namespace;
        var helpers = Helpers(op);

        if (helpers.EmitsErrorMaps)
        {
            EmitErrorMaps(w, op, ns, helpers.ErrorMapper, helpers.KiotaErrors);
        }

        w.WriteLine("private static readonly " + Runtime + ".Http.ApiOperation " + helpers.OperationField + " = new(" + Literal(op.OperationId) + ", " + (op.IsIdempotent ? "true" : "false") + ", " + Literal(op.PathTemplate) + ");");
        w.WriteLine();

        var signature = PublicSignature(op, ns, withRequestOptions: false);
        WriteMethodDocs(w, op, signature, raw: false);
        var helperSignature = new List<string> { Kiota + ".IRequestAdapter __adapter", "string __url" };
        var forwarded = new List<string> { "__adapter", "__url" };
        foreach (var parameter in OrderedParameters(op))
        {
            if (parameter.Parameter is { } p)
            {
                helperSignature.Add(NullableTypeName(p.Type, ns, !p.IsRequired) + " " + p.Name);
                forwarded.Add(p.Name);
                continue;
            }

            foreach (var field in BodyParameters(op.Body!, ns))
            {
                helperSignature.Add(field.Type + " " + field.Name);
                forwarded.Add(field.Name);
            }
        }

        helperSignature.Add("global::System.Threading.CancellationToken cancellationToken");
        forwarded.Add("cancellationToken");
        if (op.IsDeprecated)
        {
            w.WriteLine("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        // Not async: arguments are checked synchronously and the transport's task is returned as is, so an API error
        // is thrown once (in the transport), not once per layer.
        var taskType = TaskType(op, ns);
        w.OpenBlock("public " + taskType + " " + op.MethodName + "(" + string.Join(", ", signature.Parameters) + ")");

        EmitValidation(w, op);
        EmitUrl(w, op);

        w.OpenBlock("if (_requestAdapter is { } __adapter)");
        w.WriteLine("return " + helpers.AdapterMethod + "(" + string.Join(", ", forwarded) + ");");
        w.CloseBlock();
        w.WriteLine();
        EmitRequest(w, op, api, helpers.OperationField, withRequestOptions: false);
        EmitSendCall(w, op, ns, helpers.ErrorMapper);
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("private async " + taskType + " " + helpers.AdapterMethod + "(" + string.Join(", ", helperSignature) + ")");
        EmitKiotaSend(w, op, ns, helpers.KiotaErrors);
        w.CloseBlock();

        if (op.RawResponse is { } rawResponse)
        {
            w.WriteLine();
            EmitWithResponse(w, op, api, rawResponse, helpers);
        }
    }

    private static void EmitWithResponse(SourceWriter w, OperationModel op, ApiModel api, RawResponseModel raw, OperationHelpers helpers)
    {
        var ns = api.Namespace;
        var signature = PublicSignature(op, ns, withRequestOptions: true);
        WriteMethodDocs(w, op, signature, raw: true);
        if (op.IsDeprecated)
        {
            w.WriteLine("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        var responseType = RawResponseType(op, ns);
        w.OpenBlock("public global::System.Threading.Tasks.Task<" + responseType + "> " + raw.WithResponseMethod + "(" + string.Join(", ", signature.Parameters) + ")");
        EmitValidation(w, op);
        EmitUrl(w, op);
        w.OpenBlock("if (_requestAdapter is not null)");
        w.WriteLine("throw new global::System.NotSupportedException(\"Raw responses are read over the HttpClient constructor; a Kiota request adapter reports headers through its own options.\");");
        w.CloseBlock();
        w.WriteLine();
        EmitRequest(w, op, api, helpers.OperationField, withRequestOptions: true);

        var create = raw.TypeName is { } generated ? "new global::" + ns + "." + generated : "new " + responseType;
        var transport = Transport;
        var mapper = helpers.ErrorMapper;
        string call;
        if (op.Response?.Type is not { } type)
        {
            var head = raw.TypeName is null ? "__head" : create + "(__head.StatusCode, __head.Headers)";
            call = transport + ".SendWithResponseAsync(_httpClient!, __request, " + mapper + ", static __head => " + head + ", cancellationToken)";
        }
        else
        {
            var lambda = "static (__head, __value) => " + create + "(__head, __value)";
            call = op.Response.Kind switch
            {
                BodyKind.Text => transport + ".SendForTextWithResponseAsync(_httpClient!, __request, " + mapper + ", " + lambda + ", cancellationToken)",
                BodyKind.Binary => transport + ".SendForStreamWithResponseAsync(_httpClient!, __request, " + mapper + ", " + lambda + ", cancellationToken)",
                _ when type.IsValueType => transport + ".SendForJsonValueWithResponseAsync(_httpClient!, __request, " + JsonCode.DocumentReader(type, ns) + ", " + mapper + ", " + lambda + ", cancellationToken)",
                _ => transport + ".SendForJsonWithResponseAsync(_httpClient!, __request, " + JsonCode.DocumentReader(type, ns) + ", " + mapper + ", " + lambda + ", cancellationToken)",
            };
        }

        w.WriteLine("return " + call + ";");
        w.CloseBlock();
    }

    private static IEnumerable<(ParameterModel? Parameter, bool IsBody)> OrderedParameters(OperationModel op)
    {
        // a placeholder may appear twice in a template (/c/{x}/{x}); the parameter is declared once
        var pathOrder = op.PathParts.Where(p => p.Literal is null).Select(p => p.ParameterIndex).Distinct().ToList();
        foreach (var index in pathOrder)
        {
            yield return (op.Parameters[index], false);
        }

        foreach (var p in op.Parameters.Where(p => p.Location != ParameterLocation.Path && p.IsRequired))
        {
            yield return (p, false);
        }

        if (op.Body is { IsRequired: true })
        {
            yield return (null, true);
        }

        if (op.Body is { IsRequired: false })
        {
            yield return (null, true);
        }

        foreach (var p in op.Parameters.Where(p => p.Location != ParameterLocation.Path && !p.IsRequired))
        {
            yield return (p, false);
        }
    }

    private static void EmitValidation(SourceWriter w, OperationModel op)
    {
        var guard = Runtime + ".Validation.Guard";
        foreach (var p in op.Parameters)
        {
            var field = Literal(p.WireName);
            if (p.IsRequired && !p.Type.IsValueType)
            {
                w.WriteLine(guard + ".Required(" + p.Name + ", " + field + ");");
            }

            ValidationCode.EmitChecks(w, p.Type, p.Name, !p.IsRequired, p.Constraints, field);
        }

        if (op.Body is { } body)
        {
            EmitBodyValidation(w, body);
        }
    }

    private static void EmitUrl(SourceWriter w, OperationModel op)
    {
        var interpolation = new StringBuilder("$\"{_baseUrl}");
        foreach (var part in op.PathParts)
        {
            if (part.Literal is not null)
            {
                interpolation.Append(InterpolatedText(part.Literal));
                continue;
            }

            var p = op.Parameters[part.ParameterIndex];
            // parenthesized: a 'global::' inside a hole would otherwise start a format specifier
            interpolation.Append("{(").Append(PathValue(p)).Append(")}");
        }

        interpolation.Append('"');
        var queries = op.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        if (queries.Count == 0)
        {
            w.WriteLine("var __url = string.Create(" + Invariant + ", " + interpolation + ");");
            w.WriteLine();
            return;
        }

        w.WriteLine("var __query = new " + Runtime + ".Http.QueryStringBuilder(string.Create(" + Invariant + ", " + interpolation + "));");
        foreach (var p in queries)
        {
            var value = p.IsRequired && p.Type.IsValueType ? p.Name : "__value_" + Sanitize(p.Name);
            if (!(p.IsRequired && p.Type.IsValueType))
            {
                w.OpenBlock("if (" + p.Name + " is { } " + value + ")");
            }

            EmitQueryValue(w, p, value);
            if (!(p.IsRequired && p.Type.IsValueType))
            {
                w.CloseBlock();
            }
        }

        w.WriteLine("var __url = __query.ToString();");
        w.WriteLine();
    }

    private static void EmitQueryValue(SourceWriter w, ParameterModel p, string value)
    {
        var style = Runtime + ".Http.QueryStyle." + p.Style switch
        {
            ParameterStyle.DeepObject => "DeepObject",
            ParameterStyle.PipeDelimited => "PipeDelimited",
            ParameterStyle.SpaceDelimited => "SpaceDelimited",
            _ => "Form",
        };
        var name = Literal(p.WireName);
        if (p.Type.Kind == TypeKind.Array)
        {
            var item = "__item_" + Sanitize(p.Name);
            if (p.Explode)
            {
                // exploded arrays repeat the key in every style (the delimiters only exist for explode=false)
                w.OpenBlock("foreach (var " + item + " in " + value + ")");
                w.WriteLine("__query.Add(" + name + ", " + FormatValue(p.Type.Element!, item) + ");");
                w.CloseBlock();
            }
            else
            {
                w.WriteLine("__query.AddJoined(" + name + ", " + value + ", static " + item + " => " + FormatValue(p.Type.Element!, item) + ", " + style + ");");
            }

            return;
        }

        if (p.Type.Kind is TypeKind.Object or TypeKind.Map)
        {
            var fields = "__fields_" + Sanitize(p.Name);
            w.WriteLine("var " + fields + " = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();");
            if (p.Type.Kind == TypeKind.Map)
            {
                var entry = "__entry_" + Sanitize(p.Name);
                w.OpenBlock("foreach (var " + entry + " in " + value + ")");
                var element = p.Type.Element!;
                if (element.IsValueType)
                {
                    w.WriteLine(fields + ".Add(new(" + entry + ".Key, " + FormatValue(element, entry + ".Value") + "));");
                }
                else
                {
                    w.WriteLine("if (" + entry + ".Value is { } __entryValue) " + fields + ".Add(new(" + entry + ".Key, " + FormatValue(element, "__entryValue") + "));");
                }

                w.CloseBlock();
            }
            else
            {
                foreach (var field in p.Fields)
                {
                    var access = value + "." + field.PropertyName;
                    if (field.IsNullable || !field.Type.IsValueType)
                    {
                        var local = "__field_" + Sanitize(p.Name) + "_" + field.PropertyName;
                        w.WriteLine("if (" + access + " is { } " + local + ") " + fields + ".Add(new(" + Literal(field.WireName) + ", " + FormatValue(field.Type, local) + "));");
                    }
                    else
                    {
                        w.WriteLine(fields + ".Add(new(" + Literal(field.WireName) + ", " + FormatValue(field.Type, access) + "));");
                    }
                }
            }

            w.WriteLine("__query.AddObject(" + name + ", " + fields + ", " + style + ", " + (p.Explode ? "true" : "false") + ");");
            return;
        }

        w.WriteLine("__query.Add(" + name + ", " + FormatValue(p.Type, value) + ");");
    }

    private static string PathValue(ParameterModel p) => p.Type.Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Guid => p.Name,
        TypeKind.String => Runtime + ".Http.UrlFormat.PathSegment(" + p.Name + ", " + Literal(p.Name.TrimStart('@')) + ")",
        _ => Runtime + ".Http.UrlFormat.PathSegment(" + FormatValue(p.Type, p.Name) + ", " + Literal(p.Name.TrimStart('@')) + ")",
    };

    private static string FormatValue(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.Array => Runtime + ".Http.UrlFormat.Join(" + value + ", static __element => " + FormatValue(type.Element!, "__element") + ")",
        TypeKind.String => value,
        TypeKind.StringEnum => value + ".Value",
        TypeKind.IntegerEnum => Runtime + ".Http.UrlFormat.Format(" + value + ".Value)",
        _ => Runtime + ".Http.UrlFormat.Format(" + value + ")",
    };

    private static void EmitCookies(SourceWriter w, OperationModel op, string target)
    {
        var cookies = op.Parameters.Where(p => p.Location == ParameterLocation.Cookie).ToList();
        if (cookies.Count == 0)
        {
            return;
        }

        w.WriteLine("var __cookies = new " + Runtime + ".Http.CookieHeaderBuilder();");
        foreach (var p in cookies)
        {
            var always = p.IsRequired && p.Type.IsValueType;
            var value = always ? p.Name : "__cookie_" + Sanitize(p.Name);
            if (!always)
            {
                w.OpenBlock("if (" + p.Name + " is { } " + value + ")");
            }

            if (p.Type.Kind == TypeKind.Array)
            {
                var item = "__item_" + Sanitize(p.Name);
                if (p.Explode)
                {
                    w.OpenBlock("foreach (var " + item + " in " + value + ")");
                    w.WriteLine("__cookies.Add(" + Literal(p.WireName) + ", " + FormatValue(p.Type.Element!, item) + ");");
                    w.CloseBlock();
                }
                else
                {
                    w.WriteLine("__cookies.AddJoined(" + Literal(p.WireName) + ", " + value + ", static " + item + " => " + FormatValue(p.Type.Element!, item) + ");");
                }
            }
            else
            {
                w.WriteLine("__cookies.Add(" + Literal(p.WireName) + ", " + FormatValue(p.Type, value) + ");");
            }

            if (!always)
            {
                w.CloseBlock();
            }
        }

        w.OpenBlock("if (!__cookies.IsEmpty)");
        w.WriteLine(target == "request"
            ? "__request.Headers.TryAddWithoutValidation(\"Cookie\", __cookies.ToString());"
            : "__info.Headers.Add(\"Cookie\", __cookies.ToString());");
        w.CloseBlock();
    }

    private static void EmitHeaders(SourceWriter w, OperationModel op, string target)
    {
        EmitCookies(w, op, target);
        foreach (var p in op.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            var value = p.IsRequired && p.Type.IsValueType ? p.Name : (target == "request" ? "__header_" : "__kiotaHeader_") + Sanitize(p.Name);
            var formatted = FormatValue(p.Type, value);
            var statement = target == "request"
                ? "__request.Headers.TryAddWithoutValidation(" + Literal(p.WireName) + ", " + formatted + ");"
                : "__info.Headers.Add(" + Literal(p.WireName) + ", " + formatted + ");";
            if (p.IsRequired && p.Type.IsValueType)
            {
                w.WriteLine(statement);
            }
            else
            {
                w.OpenBlock("if (" + p.Name + " is { } " + value + ")");
                w.WriteLine(statement);
                w.CloseBlock();
            }
        }
    }

    private static void EmitRequest(SourceWriter w, OperationModel op, ApiModel api, string operationField, bool withRequestOptions)
    {
        var ns = api.Namespace;
        w.WriteLine("var __request = new global::System.Net.Http.HttpRequestMessage(" + HttpMethod(op.HttpMethod) + ", __url); // disposed by the transport");
        w.WriteLine("__request.Options.Set(" + Runtime + ".Http.ApiOperation.OptionsKey, " + operationField + ");");
        EmitHeaders(w, op, "request");
        EmitAccept(w, op, "request");
        if (op.Body is { } body)
        {
            EmitBody(w, body, ns, overKiota: false);
        }

        SecurityCode.EmitRequestAuthentication(w, op, api);
        if (withRequestOptions)
        {
            w.WriteLine(Runtime + ".Http.ApiRequestOptions.Apply(requestOptions, __request);");
        }
    }

    private static void EmitSendCall(SourceWriter w, OperationModel op, string ns, string errorMapper)
    {
        var client = "_httpClient!";
        if (op.Response?.Type is not { } type)
        {
            w.WriteLine("return " + Transport + ".SendAsync(" + client + ", __request, " + errorMapper + ", cancellationToken);");
            return;
        }

        var call = op.Response.Kind switch
        {
            BodyKind.Text => Transport + ".SendForTextAsync(" + client + ", __request, " + errorMapper + ", cancellationToken)",
            BodyKind.Binary => Transport + ".SendForStreamAsync(" + client + ", __request, " + errorMapper + ", cancellationToken)",
            _ when type.IsValueType => Transport + ".SendForJsonValueAsync(" + client + ", __request, " + JsonCode.DocumentReader(type, ns) + ", " + errorMapper + ", cancellationToken)",
            _ => Transport + ".SendForJsonAsync(" + client + ", __request, " + JsonCode.DocumentReader(type, ns) + ", " + errorMapper + ", cancellationToken)",
        };
        w.WriteLine("return " + call + ";");
    }

    private static void EmitKiotaSend(SourceWriter w, OperationModel op, string ns, string kiotaErrors)
    {
        w.WriteLine("var __info = new " + Kiota + ".RequestInformation { HttpMethod = " + Kiota + ".Method." + op.HttpMethod + ", URI = new global::System.Uri(__url) };");
        EmitHeaders(w, op, "info");
        EmitAccept(w, op, "info");
        if (op.Body is { } body)
        {
            EmitBody(w, body, ns, overKiota: true);
        }

        if (op.Response?.Type is not { } type)
        {
            w.WriteLine("await __adapter.SendNoContentAsync(__info, " + kiotaErrors + ", cancellationToken).ConfigureAwait(false);");
            w.WriteLine("return;");
            return;
        }

        var missing = Runtime + ".Errors.ApiErrorException.MissingBody()";
        var typeName = TypeName(type, ns);
        if (op.Response.Kind == BodyKind.Text)
        {
            w.WriteLine("return await __adapter.SendPrimitiveAsync<string>(__info, " + kiotaErrors + ", cancellationToken).ConfigureAwait(false) ?? throw " + missing + ";");
        }
        else if (op.Response.Kind == BodyKind.Binary)
        {
            w.WriteLine("var __stream = await __adapter.SendPrimitiveAsync<global::System.IO.Stream>(__info, " + kiotaErrors + ", cancellationToken).ConfigureAwait(false) ?? throw " + missing + ";");
            w.WriteLine("return new " + StreamResponse + "(__stream, null, null, null);");
        }
        else if (type.Kind == TypeKind.Object)
        {
            w.WriteLine("return await __adapter.SendAsync<" + typeName + ">(__info, " + typeName + ".CreateFromDiscriminatorValue, " + kiotaErrors + ", cancellationToken).ConfigureAwait(false) ?? throw " + missing + ";");
        }
        else
        {
            var method = type.IsValueType ? "ReadJsonValueAsync" : "ReadJsonAsync";
            w.WriteLine("var __stream = await __adapter.SendPrimitiveAsync<global::System.IO.Stream>(__info, " + kiotaErrors + ", cancellationToken).ConfigureAwait(false);");
            w.WriteLine("return await " + KiotaInterop + "." + method + "(__stream, " + JsonCode.DocumentReader(type, ns) + ", cancellationToken).ConfigureAwait(false);");
        }
    }

    private static void EmitErrorMaps(SourceWriter w, OperationModel op, string ns, string errorMapper, string kiotaErrors)
    {
        var factory = KiotaSerialization + ".ParsableFactory<" + KiotaSerialization + ".IParsable>";
        w.WriteLine("private static readonly global::System.Collections.Generic.Dictionary<string, " + factory + "> " + kiotaErrors + " = new(global::System.StringComparer.OrdinalIgnoreCase)");
        w.WriteLine("{");
        w.Indent();
        foreach (var mapping in op.ErrorMappings)
        {
            w.WriteLine("[" + Literal(mapping.StatusCode) + "] = global::" + ns + "." + mapping.ExceptionName + ".CreateFromDiscriminatorValue,");
        }

        w.Unindent();
        w.WriteLine("};");
        w.WriteLine();

        var context = Runtime + ".Errors.ApiErrorContext";
        var exact = op.ErrorMappings.Where(m => int.TryParse(m.StatusCode, out _)).ToList();
        var ranges = op.ErrorMappings.Where(m => m.StatusCode.EndsWith("XX", System.StringComparison.Ordinal) && m.StatusCode != "XXX").ToList();
        // Statuses the description does not list (a gateway's 502, say) are decoded with the error schema the operation
        // uses most: APIs and their gateways usually share one error shape, and a body that is not it still yields
        // the same exception with HasErrorBody == false and the raw excerpt.
        var fallback = op.ErrorMappings.FirstOrDefault(m => m.StatusCode == "XXX")
            ?? op.ErrorMappings.GroupBy(m => m.ExceptionName).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
        w.OpenBlock("private static " + Runtime + ".Errors.ApiErrorException " + errorMapper + "(" + context + " context)");
        if (exact.Count == 0 && ranges.Count == 0 && fallback is null)
        {
            w.WriteLine("return " + Runtime + ".Errors.ApiErrorException.FromResponse(context);");
        }
        else
        {
            w.WriteLine("return context.StatusCode switch");
            w.WriteLine("{");
            w.Indent();
            foreach (var group in exact.GroupBy(m => m.ExceptionName))
            {
                w.WriteLine(string.Join(" or ", group.Select(m => m.StatusCode)) + " => global::" + ns + "." + group.Key + ".FromResponse(context),");
            }

            foreach (var range in ranges)
            {
                var low = (range.StatusCode[0] - '0') * 100;
                w.WriteLine(">= " + Int(low) + " and <= " + Int(low + 99) + " => global::" + ns + "." + range.ExceptionName + ".FromResponse(context),");
            }

            w.WriteLine(fallback is null
                ? "_ => " + Runtime + ".Errors.ApiErrorException.FromResponse(context),"
                : "_ => global::" + ns + "." + fallback.ExceptionName + ".FromResponse(context),");
            w.Unindent();
            w.WriteLine("};");
        }

        w.CloseBlock();
        w.WriteLine();
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        _ => "global::System.Net.Http.HttpMethod.Options",
    };

    private static string Sanitize(string name) => name.TrimStart('@');
}
