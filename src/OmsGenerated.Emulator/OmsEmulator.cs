using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmsGenerated.Emulator.Endpoints;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Emulator.State;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Emulator;

/// <summary>
/// A local emulator of the Huawei Cloud OMS v2 task API (StartTask, StopTask, ShowTask, ListTasks, CreateTask,
/// DeleteTask) on Kestrel at <c>http://127.0.0.1:{port}</c>. It checks AK/SK signatures as API Gateway does, validates
/// bodies with the generated models, simulates task progress and can inject faults.
/// </summary>
/// <remarks>
/// Choices where OMS is not documented: a project ID other than <see cref="ProjectId"/> (in the path or in
/// X-Project-Id) gets 403 OMS.0206; an unknown task, group or sync task gets 400 OMS.1009 (the spec's status); ListTasks returns the newest tasks first.
/// </remarks>
public sealed class OmsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskStore _store;
    private readonly IEmulatorStateStore _stateStore;
    private int _disposed;

    private OmsEmulator(WebApplication app, TaskStore store, IEmulatorStateStore stateStore, OmsEmulatorOptions options, Uri baseAddress, IReadOnlyList<long> demoTaskIds, EmulatorStatistics statistics)
    {
        _app = app;
        _store = store;
        _stateStore = stateStore;
        StateLocation = stateStore.Location;
        BaseAddress = baseAddress;
        ProjectId = options.ProjectId;
        Credentials = new HuaweiCloudCredentials(options.AccessKey, options.SecretKey, options.ProjectId);
        DemoTaskIds = demoTaskIds;
        Statistics = statistics;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:5080</c> (no trailing slash is needed by the client).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The AK, SK and project ID requests must be signed with.</summary>
    public HuaweiCloudCredentials Credentials { get; }

    /// <summary>The project ID the emulator serves.</summary>
    public string ProjectId { get; }

    /// <summary>The IDs of the seeded demo tasks, in order (empty when <see cref="OmsEmulatorOptions.SeedDemoTasks"/> is off).</summary>
    public IReadOnlyList<long> DemoTaskIds { get; }

    /// <summary>Where the state lives: the SQLite file (<see cref="OmsEmulatorOptions.StatePath"/>) or "(in memory)".</summary>
    public string StateLocation { get; }

    /// <summary>Counters of requests, injected faults, answers per status code and signature failures.</summary>
    public EmulatorStatistics Statistics { get; }

    /// <summary>Starts an emulator and returns once it is listening.</summary>
    /// <param name="options">Settings; defaults when null. They are copied, so later changes have no effect.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid (for example a fault probability above 1).</exception>
    public static async Task<OmsEmulator> StartAsync(OmsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        OmsEmulatorOptions settings = (options ?? new OmsEmulatorOptions()).Clone();
        settings.Validate();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OmsEmulator).Assembly.GetName().Name,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = GatewayMiddleware.MaxBodyBytes + 1;
            kestrel.Listen(IPAddress.Loopback, settings.Port);
        });

        var statistics = new EmulatorStatistics();
        IEmulatorStateStore stateStore = EmulatorStateFile.Open(settings);
        var store = new TaskStore(stateStore, settings.TimeProvider, settings.SpeedFactor);
        IReadOnlyList<long> demoIds = store.Transact((state, _) => state.DemoTaskIds.ToArray());

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(statistics);
        builder.Services.AddSingleton(stateStore);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(new FaultInjector(settings.Faults));
        builder.Services.AddSingleton<GatewayAuthenticator>();
        builder.Services.AddSingleton(new ResponseWriter(statistics, settings.RequestLog));
        WebApplication app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<GatewayMiddleware>();
        RouteGroupBuilder project = app.MapGroup("/v2/{project_id}").AddEndpointFilter(new ProjectFilter(settings.ProjectId));
        TaskEndpoints.Map(project);
        TaskGroupEndpoints.Map(project);
        SyncTaskEndpoints.Map(project);
        ObjectStorageEndpoints.Map(project);
        PrivacyAgreementEndpoints.Map(project);
        ApiVersionEndpoints.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stateStore.Dispose();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new OmsEmulator(app, store, stateStore, settings, new Uri(address), demoIds, statistics);
    }

    /// <summary>The spec operation names the emulator has an endpoint for (from the endpoints' <see cref="OmsOperation"/> metadata).</summary>
    internal IReadOnlyList<string> ServedOperations
        => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<OmsOperation>()?.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Adds a task (for tests and demos) and returns its ID.</summary>
    /// <exception cref="ArgumentException">The seed is invalid (status outside 1-7, negative sizes, progress outside 0..1, …).</exception>
    public long AddTask(EmulatedTaskSeed seed) => _store.Add(seed);

    /// <summary>Stops listening and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Graceful for up to 2 s, then open connections (e.g. a slow-response fault still waiting) are aborted.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stateStore.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "OmsEmulator { BaseAddress = " + BaseAddress + ", ProjectId = " + ProjectId + " }";
}
