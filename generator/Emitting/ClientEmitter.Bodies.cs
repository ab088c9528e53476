using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Request bodies (JSON, text, stream, urlencoded and multipart forms) and response bodies (JSON, text, stream).</summary>
internal static partial class ClientEmitter
{
    private const string ApiFile = Runtime + ".Http.ApiFile";
    private const string StreamResponse = Runtime + ".Http.ApiStreamResponse";

    internal static string? ResponseTypeName(OperationModel op, string ns) => op.Response switch
    {
        null or { Type: null } => null,
        { Kind: BodyKind.Binary } => StreamResponse,
        { Type: { } type } => TypeName(type, ns),
    };

    private static void EmitReturnsDoc(SourceWriter w, OperationModel op)
    {
        if (op.Response is not { Type: not null } response)
        {
            return;
        }

        var declared = response.ContentType is null ? string.Empty : " (" + response.ContentType + (response.OtherContentTypes is null ? string.Empty : "; the document also lists " + response.OtherContentTypes) + ")";
        var text = response.Kind == BodyKind.Binary
            ? "The response body as a stream" + declared + ", read as it arrives. Dispose it to release the connection."
            : (response.Description ?? "The response body").TrimEnd('.') + declared + ".";
        w.WriteDocElement("returns", text);
    }

    private static string BodyTypeName(BodyModel body, string ns)
        => body.Kind == BodyKind.Binary ? "global::System.IO.Stream" : TypeName(body.Type, ns);

    private static string FieldTypeName(FormFieldModel field, string ns) => field.Kind switch
    {
        FormFieldKind.File => ApiFile,
        FormFieldKind.FileArray => "global::System.Collections.Generic.IReadOnlyList<" + ApiFile + ">",
        _ => TypeName(field.Type, ns),
    };

    private static string ContentTypeNote(BodyModel body)
        => "Sent as " + body.ContentType + (body.OtherContentTypes is null ? "." : "; the document also allows " + body.OtherContentTypes + ".");

    /// <summary>The body's method parameters: one, or one per field of a form with declared fields (required ones first).</summary>
    /// <summary>The method parameters a body becomes: itself, or one per form field (required ones first, as the model orders them).</summary>
    private static IEnumerable<(string Type, string Name, bool IsRequired, string Doc)> BodyParameters(BodyModel body, string ns)
    {
        if (body.Fields.Count == 0)
        {
            var doc = body.Description ?? (body.Kind is BodyKind.Form or BodyKind.Multipart ? "The form fields, by name." : "The request body.");
            yield return (BodyTypeName(body, ns) + (body.IsRequired ? string.Empty : "?"), body.Name, body.IsRequired, doc + " " + ContentTypeNote(body));
            yield break;
        }

        foreach (var field in body.Fields)
        {
            var doc = (field.Description ?? "The form field " + field.WireName + ".") + " " + ContentTypeNote(body);
            yield return (FieldTypeName(field, ns) + (field.IsRequired ? string.Empty : "?"), field.Name, field.IsRequired, doc);
        }
    }

    private static void EmitBodyValidation(SourceWriter w, BodyModel body)
    {
        var guard = Runtime + ".Validation.Guard";
        if (body.Fields.Count == 0)
        {
            if (body.IsRequired && !body.Type.IsValueType)
            {
                w.WriteLine(guard + ".Required(" + body.Name + ", \"body\");");
            }

            if (body.Kind == BodyKind.Json)
            {
                ValidationCode.EmitChecks(w, body.Type, body.Name, !body.IsRequired, Constraints.None, "\"body\"");
            }

            return;
        }

        foreach (var field in body.Fields.Where(f => f.IsRequired && (f.Kind != FormFieldKind.Value || !f.Type.IsValueType)))
        {
            w.WriteLine(guard + ".Required(" + field.Name + ", " + Literal(field.WireName) + ");");
        }
    }

    private static void EmitAccept(SourceWriter w, OperationModel op, string target)
    {
        if (op.Response is not { Type: not null } response)
        {
            return;
        }

        string? accept = response.ContentType;
        if (response.Kind == BodyKind.Json && (accept is null || accept.Split(';')[0].Trim().Equals("application/json", System.StringComparison.OrdinalIgnoreCase)))
        {
            accept = "application/json";
        }

        if (accept is null || accept.Contains('*'))
        {
            return;
        }

        w.WriteLine(target == "request"
            ? "__request.Headers.TryAddWithoutValidation(\"Accept\", " + Literal(accept) + ");"
            : "__info.Headers.TryAdd(\"Accept\", " + Literal(accept) + ");");
    }

    /// <summary>Sets the request body: on <c>__request</c> (<paramref name="overKiota"/> false) or on the Kiota <c>__info</c>.</summary>
    private static void EmitBody(SourceWriter w, BodyModel body, string ns, bool overKiota)
    {
        if (body.Fields.Count > 0)
        {
            EmitFormFields(w, body, ns, overKiota);
            return;
        }

        var value = body.IsRequired ? body.Name : "__bodyValue";
        if (!body.IsRequired)
        {
            w.OpenBlock("if (" + body.Name + " is { } " + value + ")");
        }

        if (body.Kind is BodyKind.Form or BodyKind.Multipart)
        {
            var builder = body.Kind == BodyKind.Form ? "__form" : "__multipart";
            w.WriteLine("var " + builder + " = new " + Runtime + ".Http." + (body.Kind == BodyKind.Form ? "FormBody" : "MultipartFormBody") + "();");
            w.OpenBlock("foreach (var __field in " + value + ")");
            w.WriteLine(builder + ".Add(__field.Key, __field.Value);");
            w.CloseBlock();
            AssignContent(w, builder + ".ToContent(" + (body.Kind == BodyKind.Form ? Literal(body.ContentType) : string.Empty) + ")", overKiota);
        }
        else if (overKiota)
        {
            w.WriteLine(body.Kind switch
            {
                BodyKind.Json when body.Type.Kind == TypeKind.Object => "__info.SetContentFromParsable(__adapter, " + Literal(body.ContentType) + ", " + value + ");",
                BodyKind.Json => "__info.SetStreamContent(" + Runtime + ".Json.JsonBody.CreateStream(" + value + ", " + JsonCode.WriterLambda(body.Type, ns) + "), " + Literal(body.ContentType) + ");",
                BodyKind.Text => "__info.SetStreamContent(new global::System.IO.MemoryStream(global::System.Text.Encoding.UTF8.GetBytes(" + value + ")), " + Literal(body.ContentType) + ");",
                _ => "__info.SetStreamContent(" + value + ", " + Literal(body.ContentType) + ");",
            });
        }
        else
        {
            var content = body.Kind switch
            {
                BodyKind.Json when IsPlainJson(body.ContentType) => Runtime + ".Json.JsonBody.Create(" + value + ", " + JsonCode.WriterLambda(body.Type, ns) + ")",
                BodyKind.Json => Runtime + ".Json.JsonBody.Create(" + value + ", " + JsonCode.WriterLambda(body.Type, ns) + ", " + Literal(body.ContentType) + ")",
                BodyKind.Text => Transport + ".Text(" + value + ", " + Literal(body.ContentType) + ")",
                _ => Transport + ".Binary(" + value + ", " + Literal(body.ContentType) + ")",
            };
            w.WriteLine("__request.Content = " + content + ";");
        }

        if (!body.IsRequired)
        {
            w.CloseBlock();
        }
    }

    private static void EmitFormFields(SourceWriter w, BodyModel body, string ns, bool overKiota)
    {
        var isForm = body.Kind == BodyKind.Form;
        var builder = isForm ? "__form" : "__multipart";
        w.WriteLine("var " + builder + " = new " + Runtime + ".Http." + (isForm ? "FormBody" : "MultipartFormBody") + "();");
        foreach (var field in body.Fields)
        {
            var direct = field.IsRequired; // a required reference is guarded non-null above
            var value = direct ? field.Name : "__field_" + Sanitize(field.Name);
            if (!direct)
            {
                w.OpenBlock("if (" + field.Name + " is { } " + value + ")");
            }

            var wire = Literal(field.WireName);
            var encoding = field.ContentType is null ? "null" : Literal(field.ContentType);
            switch (field.Kind)
            {
                case FormFieldKind.File:
                    w.WriteLine(builder + ".AddFile(" + wire + ", " + value + ", " + encoding + ");");
                    break;
                case FormFieldKind.FileArray:
                    w.OpenBlock("foreach (var __file in " + value + ")");
                    w.WriteLine(builder + ".AddFile(" + wire + ", __file, " + encoding + ");");
                    w.CloseBlock();
                    break;
                case FormFieldKind.Json:
                    var utf8 = Runtime + ".Json.JsonBody.ToUtf8(" + value + ", " + JsonCode.WriterLambda(field.Type, ns) + ")";
                    w.WriteLine(isForm
                        ? builder + ".Add(" + wire + ", global::System.Text.Encoding.UTF8.GetString(" + utf8 + "));"
                        : builder + ".AddJson(" + wire + ", " + utf8 + (field.ContentType is null ? string.Empty : ", " + encoding) + ");");
                    break;
                default:
                    if (field.Type.Kind == TypeKind.Array)
                    {
                        w.OpenBlock("foreach (var __item in " + value + ")");
                        w.WriteLine(builder + ".Add(" + wire + ", " + FormatValue(field.Type.Element!, "__item") + ");");
                        w.CloseBlock();
                    }
                    else
                    {
                        w.WriteLine(builder + ".Add(" + wire + ", " + FormatValue(field.Type, value) + ");");
                    }

                    break;
            }

            if (!direct)
            {
                w.CloseBlock();
            }
        }

        AssignContent(w, builder + ".ToContent(" + (isForm ? Literal(body.ContentType) : string.Empty) + ")", overKiota);
    }

    private static void AssignContent(SourceWriter w, string content, bool overKiota)
    {
        if (!overKiota)
        {
            w.WriteLine("__request.Content = " + content + ";");
            return;
        }

        w.WriteLine("var __content = " + content + ";");
        w.WriteLine("__info.SetStreamContent(await __content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), __content.Headers.ContentType!.ToString());");
    }

    private static bool IsPlainJson(string contentType)
        => contentType.Split(';')[0].Trim().Equals("application/json", System.StringComparison.OrdinalIgnoreCase);
}
