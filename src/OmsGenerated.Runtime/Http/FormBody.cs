using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace OmsGenerated.Runtime.Http;

/// <summary>An <c>application/x-www-form-urlencoded</c> request body, field by field, in the order added.</summary>
public sealed class FormBody
{
    private readonly List<KeyValuePair<string, string>> _fields = new();

    public FormBody Add(string name, string value)
    {
        _fields.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>The body, with the declared content type (its parameters, such as a charset, kept).</summary>
    public HttpContent ToContent(string contentType = "application/x-www-form-urlencoded")
    {
        var content = new FormUrlEncodedContent(_fields);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
