using System;
using System.Net.Http;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Telemetry;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Telemetry;

public sealed class ApiOperationTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Method_idempotency_follows_RFC_9110(string method, bool idempotent)
        => Assert.Equal(idempotent, ApiOperation.IsIdempotentMethod(new HttpMethod(method)));

    [Fact]
    public void The_operation_travels_in_the_request_options()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/tasks/1/start");
        Assert.Null(ApiOperation.Of(request));
        Assert.Null(ApiOperation.Of(null));

        var operation = new ApiOperation("StartTask", isIdempotent: true, "/tasks/{id}/start");
        request.Options.Set(ApiOperation.OptionsKey, operation);

        Assert.Same(operation, ApiOperation.Of(request));
        Assert.Equal("StartTask (idempotent)", operation.ToString());
        Assert.Throws<ArgumentException>(() => new ApiOperation(string.Empty, false));
    }

    [Theory]
    [InlineData("https://api.example.test/v1/a", "https://api.example.test/v1/a")]
    [InlineData("https://u:p@api.example.test:443/v1/a?x=1#f", "https://api.example.test/v1/a?x=*")]
    [InlineData("http://127.0.0.1:5080/v1/a?ak=AKVALUE&sk=SKVALUE&&flag&e=", "http://127.0.0.1:5080/v1/a?ak=*&sk=*&flag&e=*")]
    [InlineData("http://h/p%20q?na%20me=v%20al", "http://h/p%20q?na%20me=*")]
    public void Telemetry_urls_keep_no_user_info_fragment_or_query_value(string url, string expected)
        => Assert.Equal(expected, TelemetryUrl.Redact(new Uri(url)));
}
