using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>An operation's raw response with the headers its success response declares as typed properties.</summary>
internal static class RawResponseEmitter
{
    public static void Emit(SourceWriter w, OperationModel op, RawResponseModel raw, ApiModel api)
    {
        var headers = Runtime + ".Http.ApiResponseHeaders";
        var valueType = ClientEmitter.ResponseTypeName(op, api.Namespace);
        w.WriteDocs("The response of " + op.MethodName + " with its declared headers; a header the server did not send is null.");
        w.WriteLine(GeneratedCodeAttribute);
        if (valueType is null)
        {
            w.OpenBlock(api.Accessibility + " sealed class " + raw.TypeName + " : " + Runtime + ".Http.ApiResponse");
            w.WriteLine("public " + raw.TypeName + "(int statusCode, " + headers + " headers)");
            w.Indent();
            w.WriteLine(": base(statusCode, headers)");
        }
        else
        {
            w.OpenBlock(api.Accessibility + " sealed class " + raw.TypeName + " : " + Runtime + ".Http.ApiResponse<" + valueType + ">");
            w.WriteLine("public " + raw.TypeName + "(" + Runtime + ".Http.ApiResponse response, " + valueType + " value)");
            w.Indent();
            w.WriteLine(": base(response, value)");
        }

        w.Unindent();
        w.WriteLine("{");
        w.WriteLine("}");
        foreach (var header in raw.Headers)
        {
            w.WriteLine();
            w.WriteDocs(header.Description ?? "The " + header.WireName + " response header.", "Read on access; a value of the wrong form throws FormatException.");
            var (clrType, getter) = header.Kind switch
            {
                ResponseHeaderKind.Int32 => ("int?", "GetInt32"),
                ResponseHeaderKind.Int64 => ("long?", "GetInt64"),
                ResponseHeaderKind.Double => ("double?", "GetDouble"),
                ResponseHeaderKind.Boolean => ("bool?", "GetBoolean"),
                ResponseHeaderKind.DateTimeOffset => ("global::System.DateTimeOffset?", "GetDateTimeOffset"),
                ResponseHeaderKind.Uri => ("global::System.Uri?", "GetUri"),
                _ => ("string?", "GetString"),
            };
            w.WriteLine("public " + clrType + " " + header.PropertyName + " => Headers." + getter + "(" + Literal(header.WireName) + ");");
        }

        w.CloseBlock();
    }
}
