using System;
using System.Collections.Generic;
using System.Linq;

namespace OmsGenerated.Oms;

/// <summary>The OMS client names registered in one service collection (a singleton shared by its registrations).</summary>
internal sealed class OmsClientNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The IHttpClientFactory name of a client: <c>OmsClient</c> for the unnamed one, else <c>OmsClient.{name}</c>.</summary>
    public static string HttpClientName(string name) => name.Length == 0 ? nameof(OmsClient) : nameof(OmsClient) + "." + name;

    /// <summary>Adds a name; returns whether it is new.</summary>
    public bool Add(string name) => _names.Add(name);

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>The registered names for messages, the unnamed client as <c>""</c>.</summary>
    public string Describe()
        => _names.Count == 0 ? "(none)" : string.Join(", ", _names.Order(StringComparer.Ordinal).Select(n => "'" + n + "'"));
}
