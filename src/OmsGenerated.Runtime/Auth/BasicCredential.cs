using System;
using System.Text;

namespace OmsGenerated.Runtime.Auth;

/// <summary>A user name and password sent as <c>Authorization: Basic …</c> (OpenAPI's <c>http</c> <c>basic</c> scheme).</summary>
public sealed class BasicCredential
{
    private readonly string _encoded;

    public BasicCredential(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot contain ':' (RFC 7617).", nameof(userName));
        }

        UserName = userName;
        _encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
    }

    public string UserName { get; }

    internal string Encoded => _encoded;

    public override string ToString() => "BasicCredential " + UserName + ":***";
}
