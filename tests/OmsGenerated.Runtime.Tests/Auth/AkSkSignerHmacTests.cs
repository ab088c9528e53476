using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>The signer's RFC 2104 HMAC on its reused per-thread SHA-256 context, and that reuse under concurrency.</summary>
public class AkSkSignerHmacTests
{
    public static TheoryData<int, int> KeyAndMessageLengths()
    {
        var data = new TheoryData<int, int>();
        foreach (int key in new[] { 0, 1, 63, 64, 65, 200 })
        {
            foreach (int message in new[] { 0, 1, 55, 64, 65, 119, 1000 })
            {
                data.Add(key, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeyAndMessageLengths))]
    public void HmacSha256_equals_the_platform_HMAC(int keyLength, int messageLength)
    {
        var random = new Random((keyLength * 7919) + messageLength);
        byte[] key = new byte[keyLength];
        byte[] message = new byte[messageLength];
        random.NextBytes(key);
        random.NextBytes(message);

        byte[] ours = new byte[32];
        AkSkSigner.HmacSha256(key, message, ours);

        Assert.Equal(HMACSHA256.HashData(key, message), ours);
    }

    [Theory]
    [InlineData(1, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData(2, "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData(6, "aa*131", "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    [InlineData(7, "aa*131", "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.", "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")]
    public void HmacSha256_matches_RFC_4231(int testCase, string keyHex, string messageHexOrText, string expected)
    {
        byte[] key = keyHex == "aa*131" ? Fill(0xAA, 131) : Convert.FromHexString(keyHex);
        byte[] message = testCase == 7 ? Encoding.ASCII.GetBytes(messageHexOrText) : Convert.FromHexString(messageHexOrText);

        byte[] ours = new byte[32];
        AkSkSigner.HmacSha256(key, message, ours);

        Assert.Equal(expected, Convert.ToHexStringLower(ours));
        Assert.Equal(expected, Convert.ToHexStringLower(HMACSHA256.HashData(key, message))); // the vector itself, checked by the platform
    }

    [Fact]
    public void HmacSha256_rejects_a_short_destination_and_keeps_working()
    {
        byte[] key = Encoding.UTF8.GetBytes("secret");
        byte[] message = Encoding.UTF8.GetBytes("message");

        Assert.Throws<ArgumentException>(() => AkSkSigner.HmacSha256(key, message, new byte[31]));

        byte[] ours = new byte[32];
        AkSkSigner.HmacSha256(key, message, ours);
        Assert.Equal(HMACSHA256.HashData(key, message), ours);
    }

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
            string canonical = AkSkSigner.BuildCanonicalRequest("POST", inputs[i].Uri, inputs[i].Headers, inputs[i].Body);
            string stringToSign = $"{AkSkSigner.Algorithm}\n{inputs[i].Headers[2].Value}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(inputs[i].Secret), Encoding.UTF8.GetBytes(stringToSign)));
            Assert.EndsWith("Signature=" + signature, reference[i], StringComparison.Ordinal);
        }
    }

    private static byte[] Fill(byte value, int count)
    {
        byte[] bytes = new byte[count];
        bytes.AsSpan().Fill(value);
        return bytes;
    }
}
