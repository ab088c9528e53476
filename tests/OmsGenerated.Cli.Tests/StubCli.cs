using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>
/// Runs the CLI against the OMS stub (real HTTP, signature checked by the independent verifier), for the commands whose
/// exact requests and outputs are checked against scripted OMS answers.
/// </summary>
public sealed class StubCli : IAsyncLifetime
{
    public const string ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";

    public OmsStubServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await OmsStubServer.StartAsync(new OmsStubServerOptions { AccessKey = Canary.AccessKey, SecretKey = Canary.SecretKey });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static StubResponse Json(string body) => new(200, StubResponse.Json, body);

    /// <summary>Runs <c>oms --endpoint {stub} …</c> with the canary AK/SK and destination/source keys in the environment.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithoutAsync(null, args);

    /// <summary>Like <see cref="RunAsync"/>, with the environment variable <paramref name="unset"/> (if any) left out.</summary>
    public Task<CliResult> RunWithoutAsync(string? unset, params string[] args)
    {
        Dictionary<string, string?> environment = Canary.Environment(ProjectId);
        if (unset is not null)
        {
            environment.Remove(unset);
        }

        var all = new List<string> { "--endpoint", Server.BaseAddress.ToString() };
        all.AddRange(args);
        return CliRunner.RunAsync(environment, all.ToArray());
    }

    /// <summary>Every request the stub got was signed correctly and well formed.</summary>
    public void AssertAllWellFormed()
    {
        Assert.NotEmpty(Server.Requests);
        Assert.All(Server.Requests, r => Assert.True(r.AuthValid && r.Problems.Count == 0, r.Operation + ": " + r.AuthFailure + string.Join("; ", r.Problems)));
    }

    public static JsonElement Body(RecordedRequest request)
    {
        using JsonDocument document = JsonDocument.Parse(request.Body);
        return document.RootElement.Clone();
    }
}
