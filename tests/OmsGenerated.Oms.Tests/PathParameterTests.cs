using System;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>A path parameter that is ".", ".." or empty would address another resource; it is refused before sending.</summary>
public sealed class PathParameterTests
{
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_project_id_that_changes_the_route_is_refused_before_sending(string projectId)
    {
        await using RecordingServer server = await RecordingServer.StartAsync(context => Task.CompletedTask);
        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            AuthToken = Canary.AuthToken,
            Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
        });

        ArgumentException show = await Assert.ThrowsAsync<ArgumentException>(() => client.ShowTaskAsync(projectId, 1001));
        ArgumentException start = await Assert.ThrowsAsync<ArgumentException>(() => client.StartTaskAsync(projectId, 1001, Canary.Body()));
        ArgumentException list = await Assert.ThrowsAsync<ArgumentException>(() => client.ListTasksAsync(projectId));

        Assert.Equal("projectId", show.ParamName);
        Assert.Equal("projectId", start.ParamName);
        Assert.Equal("projectId", list.ParamName);
        Assert.Empty(server.Requests);
    }
}
