using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace OmsGenerated.Benchmarks.Peers;

/// <summary>The Refit peer: StartTask as a Refit interface, System.Text.Json with the floor's source-generated context.</summary>
public interface IRefitOmsApi
{
    [Post("/v2/{projectId}/tasks/{taskId}/start")]
    Task StartTaskAsync(string projectId, long taskId, [Body] FloorStartTaskBody body, CancellationToken cancellationToken = default);
}

public static class RefitOms
{
    /// <summary>Refit settings with <see cref="SystemTextJsonContentSerializer"/> over the source-generated context.</summary>
    public static RefitSettings Settings { get; } = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions
        {
            TypeInfoResolver = FloorJsonContext.Default,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        }),
    };
}
