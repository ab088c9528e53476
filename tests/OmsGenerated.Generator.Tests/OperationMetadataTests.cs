using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// Every generated request carries an <c>ApiOperation</c> (operationId, idempotency, path template) in its Options:
/// idempotency from the HTTP method unless <c>x-idempotent</c> overrides it, and a non-boolean override is a located warning.
/// </summary>
public sealed class OperationMetadataTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: Test
          version: '1'
        paths:
          /tasks:
            post:
              operationId: createTask
              responses:
                '204':
                  description: created
            get:
              operationId: listTasks
              responses:
                '204':
                  description: listed
          /tasks/{id}/start:
            post:
              operationId: startTask
              x-idempotent: true
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
              responses:
                '204':
                  description: started
          /tasks/{id}:
            put:
              operationId: replaceTask
              x-idempotent: false
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
              responses:
                '204':
                  description: replaced
            patch:
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
              responses:
                '204':
                  description: patched
        """;

    [Fact]
    public void Idempotency_comes_from_the_method_unless_x_idempotent_overrides_it()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/tasks.yaml", Document));
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var client = ClientSource(result);

        Assert.Contains("s_createTaskOperation = new(\"createTask\", false, \"/tasks\");", client, StringComparison.Ordinal);
        Assert.Contains("s_listTasksOperation = new(\"listTasks\", true, \"/tasks\");", client, StringComparison.Ordinal);
        Assert.Contains("s_startTaskOperation = new(\"startTask\", true, \"/tasks/{id}/start\");", client, StringComparison.Ordinal);
        Assert.Contains("s_replaceTaskOperation = new(\"replaceTask\", false, \"/tasks/{id}\");", client, StringComparison.Ordinal);
        // no operationId: named by method and path, as the diagnostics name it
        Assert.Contains("new(\"PATCH /tasks/{id}\", false, \"/tasks/{id}\");", client, StringComparison.Ordinal);

        // each send attaches its own operation
        foreach (var field in new[] { "s_createTaskOperation", "s_listTasksOperation", "s_startTaskOperation", "s_replaceTaskOperation" })
        {
            Assert.Contains("__request.Options.Set(global::OmsGenerated.Runtime.Http.ApiOperation.OptionsKey, " + field + ");", client, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"yes\"", "'yes'")]
    [InlineData("'true'", "'true'")]
    [InlineData("1", "'1'")]
    [InlineData("[true]", "'(not a scalar)'")]
    public void A_non_boolean_x_idempotent_is_a_located_warning_and_the_method_decides(string value, string shown)
    {
        var text = Document.Replace("x-idempotent: true", "x-idempotent: " + value, StringComparison.Ordinal);
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/tasks.yaml", text));
        Assert.Empty(result.Errors);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "OAPI005");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("x-idempotent value " + shown + " is not supported", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("not idempotent, as its HTTP method POST is", diagnostic.GetMessage(), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/tasks.yaml", span.Path);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("x-idempotent: " + value, StringComparison.Ordinal));
        Assert.Equal(line, span.StartLinePosition.Line);
        // at the value (a quoted scalar's text starts after its quote)
        Assert.Equal(lines[line].IndexOf(value.Trim('"', '\''), StringComparison.Ordinal), span.StartLinePosition.Character);

        Assert.Contains("s_startTaskOperation = new(\"startTask\", false, \"/tasks/{id}/start\");", ClientSource(result), StringComparison.Ordinal);
    }

    private static string ClientSource(GenerationResult result)
        => result.RunResult.GeneratedTrees.Single(t => t.FilePath.EndsWith("Test.Api.TasksClient.g.cs", StringComparison.Ordinal)).GetText().ToString();
}
