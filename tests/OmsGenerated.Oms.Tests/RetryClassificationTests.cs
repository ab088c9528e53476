using System;
using System.Net.Http;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>Which OMS requests the resilience pipeline may repeat: reads, deletes, state-setting PUTs, start/stop, source checks; never creates.</summary>
public class RetryClassificationTests
{
    private const string Project = "https://oms.cn-north-4.myhuaweicloud.com/v2/p";

    [Theory]
    [InlineData("GET", "/taskgroups/g1")]
    [InlineData("DELETE", "/sync-tasks/s1")]
    [InlineData("PUT", "/taskgroups/g1/start")]
    [InlineData("PUT", "/taskgroups/g1/stop")]
    [InlineData("PUT", "/taskgroups/g1/retry")]
    [InlineData("PUT", "/taskgroups/g1/update")]
    [InlineData("PUT", "/tasks/1/bandwidth-policy")]
    [InlineData("POST", "/tasks/1/start")]
    [InlineData("POST", "/sync-tasks/s1/stop")]
    [InlineData("POST", "/objectstorage/buckets")]
    [InlineData("POST", "/objectstorage/buckets/objects")]
    public void Is_repeated(string method, string path)
        => Assert.True(OmsResilience.IsSafeToRetry(new HttpRequestMessage(new HttpMethod(method), new Uri(Project + path))));

    [Theory]
    [InlineData("POST", "/tasks")]
    [InlineData("POST", "/taskgroups")]
    [InlineData("POST", "/sync-tasks")]
    [InlineData("POST", "/tasks/batch-update")]
    [InlineData("POST", "/sync-tasks/s1/events")]
    [InlineData("POST", "/privacy-agreements")]
    public void Is_not_repeated(string method, string path)
        => Assert.False(OmsResilience.IsSafeToRetry(new HttpRequestMessage(new HttpMethod(method), new Uri(Project + path))));
}
