using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>The client's interface (<c>IXxxClient</c>): every generated operation method, for mocking and dependency injection.</summary>
internal static class ClientInterfaceEmitter
{
    public static void Emit(SourceWriter w, ApiModel api)
    {
        w.WriteDocs("The operations of " + api.ClientName + ", which implements it: mock it in tests, register it for dependency injection.");
        w.WriteLine(GeneratedCodeAttribute);
        w.OpenBlock(api.Accessibility + " partial interface " + api.InterfaceName);
        var first = true;
        foreach (var op in api.Operations)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            var signature = ClientEmitter.PublicSignature(op, api.Namespace, withRequestOptions: false);
            ClientEmitter.WriteMethodDocs(w, op, signature, raw: false);
            Obsolete(w, op);
            w.WriteLine(ClientEmitter.TaskType(op, api.Namespace) + " " + op.MethodName + "(" + string.Join(", ", signature.Parameters) + ");");
            if (op.RawResponse is { } raw)
            {
                w.WriteLine();
                var rawSignature = ClientEmitter.PublicSignature(op, api.Namespace, withRequestOptions: true);
                ClientEmitter.WriteMethodDocs(w, op, rawSignature, raw: true);
                Obsolete(w, op);
                w.WriteLine("global::System.Threading.Tasks.Task<" + ClientEmitter.RawResponseType(op, api.Namespace) + "> " + raw.WithResponseMethod + "(" + string.Join(", ", rawSignature.Parameters) + ");");
            }
        }

        w.CloseBlock();
    }

    private static void Obsolete(SourceWriter w, OperationModel op)
    {
        if (op.IsDeprecated)
        {
            w.WriteLine("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }
    }
}
