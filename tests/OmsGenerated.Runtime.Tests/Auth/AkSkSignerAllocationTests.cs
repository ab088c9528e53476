using System;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class AkSkSignerAllocationTests
{
    [Theory]
    [InlineData("OMS StartTask")]
    [InlineData("OMS ListTasks")]
    public void CreateAuthorization_allocates_only_the_result(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);
        var uri = new Uri(v.Url);
        string Sign() => AkSkSigner.CreateAuthorization(v.Method, uri, v.SignedHeaders, v.Body, v.SdkDate, v.AccessKey, v.SecretKey);

        string first = Sign(); // warm-up: JIT, Uri part caches, pools
        const int Iterations = 200;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            _ = Sign();
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;

        // The only allocation is the Authorization string itself (~2 bytes per char plus the string header).
        Assert.True(perCall <= 512, $"allocated {perCall} B per call");
        Assert.True(perCall <= (first.Length * 2) + 32, $"allocated {perCall} B per call for a {first.Length}-char result");
    }
}
