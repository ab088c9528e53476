using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using OmsGenerated.Runtime.Http;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Which OMS requests the resilience pipeline may repeat, as the generated client marks them (ApiOperation in
/// HttpRequestMessage.Options, from the HTTP method and the spec's x-idempotent): reads, deletes, state-setting PUTs,
/// task and sync-task start/stop, the source checks; never the creates, batch update, sync events or privacy record.
/// </summary>
public class RetryClassificationTests
{
    private static readonly Dictionary<string, ApiOperation> s_operations = typeof(OmsClient)
        .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ApiOperation))
        .Select(f => (ApiOperation)f.GetValue(null)!)
        .ToDictionary(o => o.OperationId);

    [Theory]
    [InlineData("ShowTaskGroup")]
    [InlineData("DeleteSyncTask")]
    [InlineData("StartTaskGroup")]
    [InlineData("StopTaskGroup")]
    [InlineData("RetryTaskGroup")]
    [InlineData("UpdateTaskGroup")]
    [InlineData("UpdateBandwidthPolicy")]
    [InlineData("StartTask")]
    [InlineData("StopTask")]
    [InlineData("StartSyncTask")]
    [InlineData("StopSyncTask")]
    [InlineData("ShowBucketList")]
    [InlineData("ShowBucketObjects")]
    [InlineData("ShowBucketRegion")]
    [InlineData("ShowCdnInfo")]
    [InlineData("CheckPrefix")]
    [InlineData("CheckUrlSourceListFileFormat")]
    public void Is_repeated(string operationId) => Assert.True(OmsResilience.IsSafeToRetry(RequestOf(operationId)));

    [Theory]
    [InlineData("CreateTask")]
    [InlineData("CreateTaskGroup")]
    [InlineData("CreateSyncTask")]
    [InlineData("BatchUpdateTasks")]
    [InlineData("CreateSyncEvents")]
    [InlineData("UpdatePrivacyAgreementRecord")]
    public void Is_not_repeated(string operationId) => Assert.False(OmsResilience.IsSafeToRetry(RequestOf(operationId)));

    [Fact]
    public void Every_operation_of_the_spec_carries_its_metadata()
        => Assert.Equal(35, s_operations.Count);

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void A_request_without_metadata_is_judged_by_its_method(string method, bool repeated)
        => Assert.Equal(repeated, OmsResilience.IsSafeToRetry(new HttpRequestMessage(new HttpMethod(method), new Uri("https://oms.example/v2/p/tasks/1/start"))));

    private static HttpRequestMessage RequestOf(string operationId)
    {
        Assert.True(s_operations.TryGetValue(operationId, out ApiOperation? operation), operationId + " has no generated ApiOperation");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://oms.example/v2/p/any"));
        request.Options.Set(ApiOperation.OptionsKey, operation);
        return request;
    }
}
