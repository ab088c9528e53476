using System.Collections.Generic;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>The <c>x-error-codes</c> catalog as constants plus a lookup of meaning and advice.</summary>
internal static class ErrorCatalogEmitter
{
    public static void Emit(SourceWriter w, ApiModel api)
    {
        var name = ModelBuilder.ErrorCatalogName(api.ClientName);
        var info = Runtime + ".Errors.ErrorCodeInfo";
        var used = new HashSet<string>(System.StringComparer.Ordinal) { name, "All", "Find" };
        var members = new List<(ErrorCodeModel Code, string Name)>();
        foreach (var code in api.ErrorCodes)
        {
            members.Add((code, Naming.Unique(Naming.ToPascalCase(code.Code), used)));
        }

        w.WriteDocs("Error codes the API description documents (x-error-codes), with what they mean and what to do.");
        w.WriteLine(GeneratedCodeAttribute);
        w.OpenBlock(api.Accessibility + " static partial class " + name);
        foreach (var (code, member) in members)
        {
            w.WriteDocs("HTTP " + Int(code.HttpStatus) + ": " + code.Message, code.Action);
            w.WriteLine("public const string " + member + " = " + Literal(code.Code) + ";");
            w.WriteLine();
        }

        w.WriteDocs("Every documented code, in document order.");
        w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + info + "> All { get; } = new " + info + "[]");
        w.WriteLine("{");
        w.Indent();
        foreach (var (code, _) in members)
        {
            w.WriteLine("new(" + Literal(code.Code) + ", " + Int(code.HttpStatus) + ", " + Literal(code.Message) + ", " + (code.Action is null ? "null" : Literal(code.Action)) + "),");
        }

        w.Unindent();
        w.WriteLine("};");
        w.WriteLine();
        w.WriteDocs("Looks up a code (ordinal, case-insensitive); null when the catalog does not list it.");
        w.OpenBlock("public static " + info + "? Find(string? code)");
        w.OpenBlock("if (code is null)");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("foreach (var entry in All)");
        w.OpenBlock("if (string.Equals(entry.Code, code, global::System.StringComparison.OrdinalIgnoreCase))");
        w.WriteLine("return entry;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return null;");
        w.CloseBlock();
        w.CloseBlock();
    }
}
