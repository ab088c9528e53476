using System;
using OmsGenerated.Runtime.Http;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Http;

public sealed class UrlFormatTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void PathSegment_rejects_values_that_change_the_route_naming_the_parameter(string value)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => UrlFormat.PathSegment(value, "projectId"));

        Assert.Equal("projectId", error.ParamName);
        Assert.StartsWith("projectId must not be empty", error.Message);
    }

    [Fact]
    public void PathSegment_rejects_null_naming_the_parameter()
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => UrlFormat.PathSegment(null!, "taskName"));

        Assert.Equal("taskName", error.ParamName);
    }

    [Theory]
    [InlineData("...", "...")]
    [InlineData(".a", ".a")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData("a b?c#d", "a%20b%3Fc%23d")]
    public void PathSegment_percent_encodes_everything_else(string value, string expected)
        => Assert.Equal(expected, UrlFormat.PathSegment(value, "p"));

    [Fact]
    public void Encoding_the_dots_would_not_help_because_Uri_decodes_and_removes_them()
    {
        // Why "." and ".." are refused rather than encoded: %2E%2E is a dot segment to System.Uri (and to servers).
        Assert.Equal("/tasks/1001", new Uri("http://oms.example/v2/%2E%2E/tasks/1001").AbsolutePath);
        Assert.Equal("/v2/tasks/1001", new Uri("http://oms.example/v2/%2E/tasks/1001").AbsolutePath);
    }
}
