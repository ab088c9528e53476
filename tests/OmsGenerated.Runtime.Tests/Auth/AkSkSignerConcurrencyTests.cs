using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>The signer under concurrency: no state shared between calls, so parallel signatures equal sequential ones.</summary>
public class AkSkSignerConcurrencyTests
{
    [Fact]
    public void Parallel_signatures_equal_the_single_threaded_reference()
    {
        const int Count = 10_000;
        var inputs = new (Uri Uri, KeyValuePair<string, string>[] Headers, byte[] Body, string Secret)[Count];
        var random = new Random(2104);
        for (int i = 0; i < Count; i++)
        {
            string date = "20240101T" + (i % 24).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "0000Z";
            byte[] body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            byte[] secret = new byte[random.Next(0, 100)]; // 0..99 bytes: below, at and above the 64-byte block
            for (int k = 0; k < secret.Length; k++)
            {
                secret[k] = (byte)random.Next('!', '~' + 1);
            }

            inputs[i] = (
                new Uri($"https://oms.example.com/v2/project-{i % 7}/tasks/{i}/start?limit={i % 13}&marker=m{i}"),
                [new("host", "oms.example.com"), new("x-project-id", "project-" + (i % 7)), new("x-sdk-date", date)],
                body,
                Encoding.ASCII.GetString(secret));
        }

        string Sign(int i)
            => AkSkSigner.CreateAuthorization("POST", inputs[i].Uri, inputs[i].Headers, inputs[i].Body, inputs[i].Headers[2].Value, "AK" + i, inputs[i].Secret);

        var reference = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            reference[i] = Sign(i);
        }

        var parallel = new string[Count];
        Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => parallel[i] = Sign(i));

        for (int i = 0; i < Count; i++)
        {
            Assert.True(reference[i] == parallel[i], $"signature {i} differs: {parallel[i]} vs {reference[i]}");
        }

        // The reference itself is right: spot-check it against the one-shot platform HMAC over the canonical request.
        for (int i = 0; i < Count; i += 997)
        {
            string canonical = CanonicalStrings.Request("POST", inputs[i].Uri, inputs[i].Headers, inputs[i].Body);
            string stringToSign = $"{AkSkSigner.Algorithm}\n{inputs[i].Headers[2].Value}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(inputs[i].Secret), Encoding.UTF8.GetBytes(stringToSign)));
            Assert.EndsWith("Signature=" + signature, reference[i], StringComparison.Ordinal);
        }
    }
}
