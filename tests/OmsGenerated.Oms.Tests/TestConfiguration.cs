using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace OmsGenerated.Oms.Tests;

/// <summary>Builds configuration the way an app does: from an appsettings.json text or from key/value pairs.</summary>
internal static class TestConfiguration
{
    public static IConfigurationRoot FromJson(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public static IConfigurationRoot FromPairs(params (string Key, string? Value)[] pairs)
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach ((string key, string? value) in pairs)
        {
            values.Add(new KeyValuePair<string, string?>(key, value));
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>An environment with no variables at all, so no test depends on the machine's HUAWEICLOUD_SDK_* or home directory.</summary>
    public static readonly Func<string, string?> NoEnvironment = _ => null;

    public static Func<string, string?> Environment(IReadOnlyDictionary<string, string> values)
        => name => values.TryGetValue(name, out string? value) ? value : null;
}
