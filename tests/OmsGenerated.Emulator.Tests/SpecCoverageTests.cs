using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>The emulator serves every operation of spec/oms.openapi.yaml, and nothing the spec does not have.</summary>
public sealed class SpecCoverageTests
{
    [Fact]
    public async Task Every_operation_of_the_spec_has_an_endpoint()
    {
        string root = typeof(SpecCoverageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        string spec = await File.ReadAllTextAsync(Path.Combine(root, "spec", "oms.openapi.yaml"));
        string[] operations = Regex.Matches(spec, @"^\s+operationId:\s*(\w+)\s*$", RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(35, operations.Length);

        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        Assert.Equal(operations, emulator.ServedOperations);
    }
}
