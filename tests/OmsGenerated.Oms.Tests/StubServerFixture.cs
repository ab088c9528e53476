using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>One OMS stub server per test class, knowing the canary AK/SK and token.</summary>
public sealed class StubServerFixture : IAsyncLifetime
{
    public OmsStubServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await OmsStubServer.StartAsync(new OmsStubServerOptions
        {
            AccessKey = Canary.AccessKey,
            SecretKey = Canary.SecretKey,
            AuthToken = Canary.AuthToken,
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
    }
}
