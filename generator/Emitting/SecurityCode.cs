using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>
/// The document's security schemes in C#: a credentials class with one property per scheme, a client constructor that
/// takes it, and, per operation, the first <c>security</c> alternative whose credentials are all set, attached to the
/// request for the transport to apply.
/// </summary>
internal static class SecurityCode
{
    private const string Auth = Runtime + ".Auth";

    public static void EmitCredentialsClass(SourceWriter w, ApiModel api)
    {
        w.WriteDocs(
            "Credentials for the security schemes of " + (api.Title ?? "the API") + ", passed to the " + api.ClientName + " constructor. Set those you have; each operation uses the first of its security requirements whose credentials are all set.",
            "The values are only read when a request is sent; ToString() of every credential prints ***.");
        w.WriteLine(GeneratedCodeAttribute);
        w.OpenBlock(api.Accessibility + " sealed class " + api.CredentialsName);
        foreach (var scheme in api.SecuritySchemes)
        {
            var where = scheme.Kind switch
            {
                SecuritySchemeKind.ApiKey => "API key '" + scheme.Key + "', sent in the " + scheme.Placement.ToString().ToLowerInvariant() + " " + scheme.ParameterName + ".",
                SecuritySchemeKind.Basic => "HTTP Basic '" + scheme.Key + "': Authorization: Basic.",
                _ => "'" + scheme.Key + "' (" + scheme.DeclaredType + "): Authorization: Bearer with the token you obtain.",
            };
            w.WriteDocs(where, scheme.Description);
            w.WriteLine("public " + CredentialType(scheme.Kind) + "? " + scheme.PropertyName + " { get; init; }");
            w.WriteLine();
        }

        w.CloseBlock();
    }

    public static void EmitClientMembers(SourceWriter w, ApiModel api)
    {
        if (api.CredentialsName is null || api.SecuritySchemes.Count == 0)
        {
            return;
        }

        foreach (var scheme in api.SecuritySchemes)
        {
            w.WriteLine("private readonly " + Auth + ".ApiAuthentication? " + Field(scheme) + ";");
        }

        w.WriteLine();
        w.WriteDocs("Creates a client over an HttpClient that authenticates with <paramref name=\"credentials\"/> as the API description's security schemes say (see " + api.CredentialsName + "). Use an HttpClient whose handler does not follow redirects, so credentials never reach another origin.");
        w.WriteLine("public " + api.ClientName + "(global::System.Net.Http.HttpClient httpClient, global::System.Uri? baseAddress, global::" + api.Namespace + "." + api.CredentialsName + " credentials)");
        w.Indent();
        w.WriteLine(": this(httpClient, baseAddress)");
        w.Unindent();
        w.WriteLine("{");
        w.Indent();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(credentials);");
        var index = 0;
        foreach (var scheme in api.SecuritySchemes)
        {
            var credential = "__credential" + (index++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var create = scheme.Kind switch
            {
                SecuritySchemeKind.ApiKey => Auth + ".ApiAuthentication.ApiKey(" + credential + ", " + Literal(scheme.ParameterName!) + ", " + Auth + ".ApiKeyLocation." + scheme.Placement + ")",
                SecuritySchemeKind.Basic => Auth + ".ApiAuthentication.Basic(" + credential + ")",
                _ => Auth + ".ApiAuthentication.Bearer(" + credential + ")",
            };
            w.WriteLine(Field(scheme) + " = credentials." + scheme.PropertyName + " is { } " + credential + " ? " + create + " : null;");
        }

        w.Unindent();
        w.WriteLine("}");
        w.WriteLine();
    }

    public static void EmitRequestAuthentication(SourceWriter w, OperationModel op, ApiModel api)
    {
        if (api.CredentialsName is null || op.Security.Count == 0)
        {
            return;
        }

        var fields = api.SecuritySchemes.ToDictionary(s => s.PropertyName, Field);
        var local = 0;
        var first = true;
        foreach (var requirement in op.Security)
        {
            var names = requirement.Schemes.Select(s => (Field: fields[s], Local: "__auth" + (local++).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var condition = string.Join(" && ", names.Select(n => n.Field + " is { } " + n.Local));
            var value = names.Count == 1 ? names[0].Local : Auth + ".ApiAuthentication.All(" + string.Join(", ", names.Select(n => n.Local)) + ")";
            w.OpenBlock((first ? "if (" : "else if (") + condition + ")");
            w.WriteLine("__request.Options.Set(" + Auth + ".ApiAuthentication.OptionsKey, " + value + ");");
            w.CloseBlock();
            first = false;
        }
    }

    private static string Field(SecuritySchemeModel scheme) => "_security" + scheme.PropertyName;

    private static string CredentialType(SecuritySchemeKind kind) => kind switch
    {
        SecuritySchemeKind.ApiKey => Auth + ".ApiKeyCredential",
        SecuritySchemeKind.Basic => Auth + ".BasicCredential",
        _ => Auth + ".BearerTokenCredential",
    };
}
