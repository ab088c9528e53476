using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>One exception per error schema; also a Kiota error type (ApiException + IParsable).</summary>
internal static class ErrorEmitter
{
    public static void Emit(SourceWriter w, ErrorTypeModel error, ApiModel api)
    {
        var ns = api.Namespace;
        var model = "global::" + ns + "." + error.ModelName;
        var self = "global::" + ns + "." + error.Name;
        var context = Runtime + ".Errors.ApiErrorContext";
        w.WriteDocs("Thrown when the server answers with a " + error.ModelName + " error body.");
        w.WriteLine(GeneratedCodeAttribute);
        w.OpenBlock(api.Accessibility + " sealed partial class " + error.Name + " : " + Runtime + ".Errors.ApiErrorException, " + KiotaSerialization + ".IParsable");
        w.WriteDocs("Creates an empty error, filled in by a Kiota parse node.");
        w.OpenBlock("public " + error.Name + "() : this(null, null)");
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("Creates the error from a decoded body (null when the body was not the expected JSON) and the response it came from.");
        w.OpenBlock("public " + error.Name + "(" + model + "? error, " + context + "? context) : base(context)");
        w.WriteLine("Error = error ?? new " + model + "(" + Uninitialized + ");");
        w.WriteLine("_hasErrorBody = error is not null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("The decoded error body; empty when the body was not the expected JSON (see RawBodyExcerpt).");
        w.WriteLine("public " + model + " Error { get; }");
        w.WriteLine();
        w.WriteLine("private bool _hasErrorBody;");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override bool HasErrorBody => _hasErrorBody;");
        EmitOverride(w, "ErrorCode", error.ErrorCodeProperty);
        EmitOverride(w, "ErrorMessage", error.ErrorMessageProperty);
        EmitOverride(w, "ErrorDetail", error.ErrorDetailProperty);
        if (error.RequestIdProperty is not null)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override string? RequestId => string.IsNullOrEmpty(Error." + error.RequestIdProperty + ") ? base.RequestId : Error." + error.RequestIdProperty + ";");
        }

        if (api.ErrorCodes.Count > 0 && error.ErrorCodeProperty is not null)
        {
            w.WriteLine();
            w.WriteDocs("What the error-code catalog of the API description says about ErrorCode, if it lists it.");
            w.WriteLine("public " + Runtime + ".Errors.ErrorCodeInfo? KnownError => global::" + ns + "." + ModelBuilder.ErrorCatalogName(api.ClientName) + ".Find(ErrorCode);");
        }

        w.WriteLine();
        w.WriteDocs("Decodes the error from a response.");
        w.WriteLine("public static new " + self + " FromResponse(" + context + " context) => new(context.TryReadJson(" + model + ".ReadJson), context);");
        w.WriteLine();
        w.WriteDocs("Creates an instance for Kiota's parse nodes.");
        w.WriteLine("public static " + self + " CreateFromDiscriminatorValue(" + KiotaSerialization + ".IParseNode parseNode) => new();");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public global::System.Collections.Generic.IDictionary<string, global::System.Action<" + KiotaSerialization + ".IParseNode>> GetFieldDeserializers()");
        w.WriteLine("_hasErrorBody = true; // a Kiota adapter is decoding the error body into Error");
        w.WriteLine("return Error.GetFieldDeserializers();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public void Serialize(" + KiotaSerialization + ".ISerializationWriter writer) => Error.Serialize(writer);");
        w.CloseBlock();
    }

    private static void EmitOverride(SourceWriter w, string member, string? property)
    {
        if (property is null)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override string? " + member + " => Error." + property + ";");
    }
}
