using System;
using System.Net.Http;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Configuration;

/// <summary>A ready client, plus the embedded emulator when one was started. Disposing stops the emulator.</summary>
internal sealed class OmsConnection : IAsyncDisposable
{
    private readonly HttpMessageHandler _handler;

    public OmsConnection(OmsClient client, string projectId, HttpMessageHandler handler, OmsEmulator? emulator)
    {
        Client = client;
        ProjectId = projectId;
        _handler = handler;
        Emulator = emulator;
    }

    public OmsClient Client { get; }

    /// <summary>The project the requests go to.</summary>
    public string ProjectId { get; }

    /// <summary>The embedded emulator, or <see langword="null"/> against a configured endpoint/region.</summary>
    public OmsEmulator? Emulator { get; }

    public bool IsEmulator => Emulator is not null;

    public async ValueTask DisposeAsync()
    {
        // The factory's HttpClient ends in our handler: disposing the client (when it is disposable) or, failing that,
        // our handler closes the connections. Disposing twice is harmless.
        (Client as IDisposable)?.Dispose();
        _handler.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
