using System;
using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NSwag;
using OmsGenerated.Generator.Parsing.Syntax;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Security schemes that become credentials the user plugs into the client (apiKey in a header, query or cookie; HTTP
/// bearer and basic; OAuth2 and OpenID Connect as a bearer token), and each operation's <c>security</c>. A scheme marked
/// <c>x-generated-credentials: false</c> is applied elsewhere (a signing handler in the HttpClient pipeline) and gets
/// no credential.
/// </summary>
internal sealed partial class ModelBuilder
{
    private const string GeneratedCredentialsExtension = "x-generated-credentials";

    private readonly Dictionary<string, SecuritySchemeModel> _schemesByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _handledElsewhere = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unsupportedSchemes = new(StringComparer.Ordinal);

    private List<SecuritySchemeModel> BuildSecuritySchemes(string? credentialsName)
    {
        var schemes = new List<SecuritySchemeModel>();
        var declared = _document.SecurityDefinitions ?? new Dictionary<string, OpenApiSecurityScheme>();
        var location = _isSwagger2 ? new[] { "securityDefinitions" } : new[] { "components", "securitySchemes" };
        // a member cannot be named like its class (CS0542)
        var propertyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ToString", "Equals", "GetHashCode", "GetType", credentialsName ?? "ToString" };

        // schemes of a type NSwag does not model were left out of its tree (SecuritySchemeFilter): warn where they are
        var syntax = _positions.Root as SpecMap;
        foreach (var key in location)
        {
            syntax = syntax?.GetMap(key);
        }

        foreach (var entry in syntax?.Entries ?? (IReadOnlyList<SpecEntry>)Array.Empty<SpecEntry>())
        {
            if (!declared.ContainsKey(entry.Key))
            {
                _unsupportedSchemes.Add(entry.Key);
                Report(DiagnosticDescriptors.UnsupportedConstruct, location.Concat(new[] { entry.Key }).ToArray(), "Security scheme '" + entry.Key + "' of type '" + RawSchemeType(location.Concat(new[] { entry.Key }).ToArray()) + "'", UnsupportedSchemeConsequence);
            }
        }
        foreach (var entry in declared.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var where = location.Concat(new[] { entry.Key }).ToArray();
            var scheme = entry.Value;
            if (scheme is null)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Security scheme '" + entry.Key + "' without a definition", "the client cannot apply it");
                continue;
            }

            if (scheme.ExtensionData is { } extensions && extensions.TryGetValue(GeneratedCredentialsExtension, out var raw))
            {
                if (ExtensionValues.AsStrictBool(raw) == false)
                {
                    _handledElsewhere.Add(entry.Key);
                    continue;
                }
            }

            var kind = Classify(entry.Key, scheme, where, out var placement);
            if (kind is null)
            {
                continue;
            }

            var candidate = Naming.ToPascalCase(entry.Key);
            var name = Naming.Unique(candidate, propertyNames);
            if (name != candidate)
            {
                Report(DiagnosticDescriptors.DuplicateName, where, "Security scheme", entry.Key, candidate, name);
            }

            var model = new SecuritySchemeModel(entry.Key, name, kind.Value, kind == SecuritySchemeKind.ApiKey ? scheme.Name : null, placement, DeclaredType(scheme), Clean(scheme.Description));
            _schemesByKey[entry.Key] = model;
            schemes.Add(model);
        }

        return schemes;
    }

    private SecuritySchemeKind? Classify(string key, OpenApiSecurityScheme scheme, string[] where, out ApiKeyPlacement placement)
    {
        placement = ApiKeyPlacement.Header;
        switch (scheme.Type)
        {
            case OpenApiSecuritySchemeType.ApiKey:
                if (string.IsNullOrWhiteSpace(scheme.Name))
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, where, "apiKey security scheme '" + key + "' without a name", "the client cannot apply it");
                    return null;
                }

                switch (scheme.In)
                {
                    case OpenApiSecurityApiKeyLocation.Header:
                        placement = ApiKeyPlacement.Header;
                        break;
                    case OpenApiSecurityApiKeyLocation.Query:
                        placement = ApiKeyPlacement.Query;
                        break;
                    case OpenApiSecurityApiKeyLocation.Cookie:
                        placement = ApiKeyPlacement.Cookie;
                        break;
                    default:
                        Report(DiagnosticDescriptors.UnsupportedConstruct, where, "apiKey security scheme '" + key + "' without in: header, query or cookie", "the client cannot apply it");
                        return null;
                }

                return SecuritySchemeKind.ApiKey;
            case OpenApiSecuritySchemeType.Basic:
                return SecuritySchemeKind.Basic;
            case OpenApiSecuritySchemeType.Http:
                var httpScheme = (scheme.Scheme ?? string.Empty).Trim().ToLowerInvariant();
                if (httpScheme == "bearer")
                {
                    return SecuritySchemeKind.Bearer;
                }

                if (httpScheme == "basic")
                {
                    return SecuritySchemeKind.Basic;
                }

                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "HTTP security scheme '" + key + "' with scheme '" + scheme.Scheme + "'", "only bearer and basic are applied; add its Authorization header with a handler or per call");
                return null;
            case OpenApiSecuritySchemeType.OAuth2:
            case OpenApiSecuritySchemeType.OpenIdConnect:
                // the application obtains the token (flows, scopes and discovery are its business) and hands it over
                return SecuritySchemeKind.Bearer;
            default:
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "Security scheme '" + key + "' of type '" + RawSchemeType(where) + "'", UnsupportedSchemeConsequence);
                return null;
        }
    }

    private const string UnsupportedSchemeConsequence = "only apiKey, http (bearer, basic), oauth2 and openIdConnect are applied; for mutualTLS give the HttpClient's handler a client certificate";

    private string RawSchemeType(string[] where)
    {
        var at = _positions.Value(where.Concat(new[] { "type" }).ToArray());
        var text = _input.Text ?? string.Empty;
        var raw = at.Length > 0 && at.Start >= 0 && at.Start + at.Length <= text.Length ? text.Substring(at.Start, Math.Min(at.Length, 40)).Trim('\'', '"') : "(none)";
        return raw.Length == 0 ? "(none)" : raw;
    }

    private static string DeclaredType(OpenApiSecurityScheme scheme) => scheme.Type switch
    {
        OpenApiSecuritySchemeType.ApiKey => "apiKey",
        OpenApiSecuritySchemeType.Basic => "basic",
        OpenApiSecuritySchemeType.Http => "http " + (scheme.Scheme ?? string.Empty).Trim().ToLowerInvariant(),
        OpenApiSecuritySchemeType.OAuth2 => "oauth2",
        _ => "openIdConnect",
    };

    /// <summary>The operation's <c>security</c>, else the document's; <c>security: []</c> means no authentication.</summary>
    private EquatableArray<SecurityRequirementModel> ReadSecurity(OpenApiOperation operation, string[] where)
    {
        var requirements = operation.Security ?? _document.Security;
        if (requirements is null || _schemesByKey.Count == 0 && _handledElsewhere.Count == 0 && _unsupportedSchemes.Count == 0)
        {
            return EquatableArray<SecurityRequirementModel>.Empty;
        }

        var securityWhere = operation.Security is null ? new[] { "security" } : where.Concat(new[] { "security" }).ToArray();
        var result = new List<SecurityRequirementModel>();
        foreach (var requirement in requirements)
        {
            if (requirement is null || requirement.Count == 0)
            {
                continue; // {} : anonymous access is one of the alternatives; nothing to apply
            }

            var schemes = new List<string>();
            var applicable = true;
            foreach (var key in requirement.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (_schemesByKey.TryGetValue(key, out var scheme))
                {
                    schemes.Add(scheme.PropertyName);
                }
                else
                {
                    applicable = false;
                    if (!_handledElsewhere.Contains(key) && !_unsupportedSchemes.Contains(key) && !(_document.SecurityDefinitions?.ContainsKey(key) ?? false))
                    {
                        Report(DiagnosticDescriptors.UnsupportedConstruct, securityWhere, "Security requirement naming the undeclared scheme '" + key + "'", "that alternative is not applied");
                    }
                }
            }

            if (applicable)
            {
                result.Add(new SecurityRequirementModel(schemes.ToEquatableArray()));
            }
        }

        return result.ToEquatableArray();
    }
}
