using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Json;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Json;

/// <summary>The runtime readers: wrong types are <see cref="JsonReadException"/>s with the path, the documented lenient forms read.</summary>
public sealed class JsonReadTests
{
    private static T? Read<T>(string json, JsonReadFunc<T?> read) => JsonRead.Document(Encoding.UTF8.GetBytes(json), read);

    private static JsonReadException Fails<T>(string json, JsonReadFunc<T?> read) => Assert.Throws<JsonReadException>(() => Read(json, read));

    [Theory]
    [InlineData("{}", JsonTokenType.StartObject)]
    [InlineData("[1]", JsonTokenType.StartArray)]
    public void A_string_is_not_read_from_an_object_or_array(string json, JsonTokenType token)
    {
        JsonReadException error = Fails(json, static (ref Utf8JsonReader r) => JsonRead.String(ref r));

        Assert.Equal("$", error.JsonPath);
        Assert.Equal("string", error.ExpectedType);
        Assert.Equal(token, error.TokenType);
    }

    [Fact]
    public void Numbers_and_booleans_where_a_string_is_declared_read_as_their_json_text()
    {
        Assert.Equal("1.50", Read("1.50", static (ref Utf8JsonReader r) => JsonRead.String(ref r)));
        Assert.Equal("false", Read("false", static (ref Utf8JsonReader r) => JsonRead.String(ref r)));
        Assert.Null(Read("null", static (ref Utf8JsonReader r) => JsonRead.String(ref r)));
        Assert.Equal(string.Empty, Read("\"\"", static (ref Utf8JsonReader r) => JsonRead.String(ref r)));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("\"12\"", 12)]
    [InlineData("\"-7\"", -7)]
    public void Integers_read_from_numbers_and_numeric_strings(string json, int expected)
        => Assert.Equal(expected, Read(json, static (ref Utf8JsonReader r) => JsonRead.Int32(ref r)));

    [Theory]
    [InlineData("2147483648", JsonTokenType.Number)]
    [InlineData("1.5", JsonTokenType.Number)]
    [InlineData("\"12a\"", JsonTokenType.String)]
    [InlineData("true", JsonTokenType.True)]
    [InlineData("{}", JsonTokenType.StartObject)]
    public void A_32_bit_integer_out_of_range_or_of_another_type_is_an_error(string json, JsonTokenType token)
    {
        JsonReadException error = Fails(json, static (ref Utf8JsonReader r) => JsonRead.Int32(ref r));

        Assert.Equal("32-bit integer", error.ExpectedType);
        Assert.Equal(token, error.TokenType);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Null_and_an_empty_string_are_absent_where_no_string_is_declared(string json)
    {
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Int64(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Double(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Boolean(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.DateTimeOffset(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Date(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Guid(ref r)));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader i) => JsonRead.String(ref i))));
        Assert.Null(Read(json, static (ref Utf8JsonReader r) => JsonRead.Map(ref r, static (ref Utf8JsonReader i) => JsonRead.String(ref i))));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("\"0\"")]
    public void A_boolean_is_true_false_or_their_strings_only(string json)
        => Assert.Equal("boolean", Fails(json, static (ref Utf8JsonReader r) => JsonRead.Boolean(ref r)).ExpectedType);

    [Fact]
    public void Boolean_strings_read_in_any_case()
    {
        Assert.True(Read("\"True\"", static (ref Utf8JsonReader r) => JsonRead.Boolean(ref r)));
        Assert.False(Read("\"false\"", static (ref Utf8JsonReader r) => JsonRead.Boolean(ref r)));
    }

    [Fact]
    public void Dates_times_uuids_and_base64_must_be_well_formed()
    {
        Assert.Equal(new DateOnly(2026, 12, 4), Read("\"2026-12-04\"", static (ref Utf8JsonReader r) => JsonRead.Date(ref r)));
        Assert.Equal("date (yyyy-MM-dd)", Fails("\"2026-13-04\"", static (ref Utf8JsonReader r) => JsonRead.Date(ref r)).ExpectedType);
        Assert.Equal("date (yyyy-MM-dd)", Fails("\"12/04/2026\"", static (ref Utf8JsonReader r) => JsonRead.Date(ref r)).ExpectedType);

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero), Read("\"2026-12-04T02:00:00Z\"", static (ref Utf8JsonReader r) => JsonRead.DateTimeOffset(ref r)));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_815_921_000), Read("1764815921000", static (ref Utf8JsonReader r) => JsonRead.DateTimeOffset(ref r)));
        Assert.Equal("date-time", Fails("\"not a time\"", static (ref Utf8JsonReader r) => JsonRead.DateTimeOffset(ref r)).ExpectedType);
        Assert.Equal("date-time", Fails("99999999999999999", static (ref Utf8JsonReader r) => JsonRead.DateTimeOffset(ref r)).ExpectedType);

        Assert.Equal("string in UUID format", Fails("\"1234\"", static (ref Utf8JsonReader r) => JsonRead.Guid(ref r)).ExpectedType);

        Assert.Equal(new byte[] { 1, 2, 3 }, Read("\"AQID\"", static (ref Utf8JsonReader r) => JsonRead.Bytes(ref r)));
        Assert.Empty(Read("\"\"", static (ref Utf8JsonReader r) => JsonRead.Bytes(ref r))!);
        Assert.Equal("base64 string", Fails("\"not base64!\"", static (ref Utf8JsonReader r) => JsonRead.Bytes(ref r)).ExpectedType);
    }

    [Fact]
    public void Non_finite_numbers_are_not_read_as_infinity()
        => Assert.Equal("number (double)", Fails("\"1e999\"", static (ref Utf8JsonReader r) => JsonRead.Double(ref r)).ExpectedType);

    [Fact]
    public void The_path_names_list_indexes_and_map_keys_from_the_root()
    {
        JsonReadException error = Fails(
            """[{"a":[1]},{"b":[1,2]},{"odd key's":[3,{}]}]""",
            static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader m) =>
                JsonRead.Map(ref m, static (ref Utf8JsonReader l) => JsonRead.List(ref l, static (ref Utf8JsonReader i) => JsonRead.Int32(ref i) ?? 0)!)!));

        Assert.Equal("$[2]['odd key\\'s'][1]", error.JsonPath);
        Assert.Equal(JsonTokenType.StartObject, error.TokenType);
        Assert.Equal("The JSON value at $[2]['odd key\\'s'][1] is an object, not a 32-bit integer as the API description declares.", error.Message);
    }

    [Fact]
    public void Syntax_errors_still_read_as_no_document_and_wrong_types_throw()
    {
        Assert.Null(Read("[1,", static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader i) => JsonRead.Int32(ref i) ?? 0)));
        Assert.Null(Read("1 2", static (ref Utf8JsonReader r) => JsonRead.Int32(ref r)));
        Assert.IsAssignableFrom<JsonException>(Fails("[\"x\"]", static (ref Utf8JsonReader r) => JsonRead.List(ref r, static (ref Utf8JsonReader i) => JsonRead.Int32(ref i) ?? 0)));
    }

    [Fact]
    public async Task The_transport_turns_a_wrong_type_into_the_typed_api_error_with_the_path()
    {
        using var client = new HttpClient(new FixedResponseHandler(HttpStatusCode.OK, """{"items":[1,2,"three"]}"""));

        ApiErrorException error = await Assert.ThrowsAnyAsync<ApiErrorException>(() => ApiTransport.SendForJsonAsync(
            client,
            new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/items"),
            static (ref Utf8JsonReader r) => ReadItems(ref r),
            ApiErrorException.FromResponse,
            CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("$.items[2]", error.JsonPath);
        Assert.StartsWith("The JSON value at $.items[2] is a string, not a 32-bit integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"three\"", error.RawBodyExcerpt);
        Assert.IsType<JsonReadException>(error.InnerException);
    }

    [Fact]
    public void An_error_body_of_another_shape_reads_as_no_error_body()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        ApiErrorContext context = ApiErrorContext.FromResponse(response, Encoding.UTF8.GetBytes("""{"items":"none"}"""));

        Assert.Null(context.TryReadJson(static (ref Utf8JsonReader r) => ReadItems(ref r)));
    }

    // What a generated ReadJson does for one member: read it, and add its name to the path of a read error.
    private static List<int>? ReadItems(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonRead.ThrowUnlessAbsent(ref reader, "object");
            return null;
        }

        List<int>? items = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            try
            {
                items = JsonRead.List(ref reader, static (ref Utf8JsonReader i) => JsonRead.Int32(ref i) ?? throw JsonRead.Required(ref i, "32-bit integer"));
            }
            catch (JsonReadException exception)
            {
                exception.AtProperty("items");
                throw;
            }
        }

        return items;
    }

    private sealed class FixedResponseHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
