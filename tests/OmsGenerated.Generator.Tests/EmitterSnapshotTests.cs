using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using OmsGenerated.Generator.Emitting;
using OmsGenerated.Generator.Model;
using Xunit;
using TypeKind = OmsGenerated.Generator.Model.TypeKind;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The emitters alone, fed hand-built models (no parser): every generated file is compared with a
/// checked-in snapshot, compiles without errors or warnings, and does not depend on the culture.
/// Set UPDATE_SNAPSHOTS=1 to rewrite the snapshots under Snapshots/&lt;TestName&gt;/.
/// </summary>
public sealed class EmitterSnapshotTests
{
    private static readonly string SnapshotRoot = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "OmsGenerated.Generator.Tests", "Snapshots");

    private static bool UpdateSnapshots => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    [Fact]
    public void ShopApi()
    {
        var files = Emit(Models.Shop());
        Assert.Equal(
            new[]
            {
                "Snapshot.Shop.ShopClient.g.cs",
                "Snapshot.Shop.ShopClient.Models.Order.g.cs",
                "Snapshot.Shop.ShopClient.Models.OrderItem.g.cs",
                "Snapshot.Shop.ShopClient.Models.ErrorBody.g.cs",
                "Snapshot.Shop.ShopClient.Models.OrderStatus.g.cs",
                "Snapshot.Shop.ShopClient.Models.Priority.g.cs",
                "Snapshot.Shop.ShopClient.Errors.ErrorBodyException.g.cs",
                "Snapshot.Shop.ShopClient.ShopErrorCodes.g.cs",
            },
            files.Select(f => f.HintName));
        VerifySnapshots(files);
        AssertCompilesCleanly(files);
    }

    [Fact]
    public void InternalMinimalApi()
    {
        var files = Emit(Models.InternalMinimal());
        Assert.Equal(
            new[] { "Snapshot.Minimal.PingClient.g.cs", "Snapshot.Minimal.PingClient.Models.Note.g.cs" },
            files.Select(f => f.HintName));
        VerifySnapshots(files);
        AssertCompilesCleanly(files);
    }

    [Fact]
    public void EmittingTwiceGivesIdenticalText()
    {
        foreach (var model in new[] { Models.Shop(), Models.InternalMinimal() })
        {
            var first = Emit(model);
            var second = Emit(model);
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fa-IR")]
    public void OutputDoesNotDependOnTheCulture(string cultureName)
    {
        var expected = Emit(Models.Shop()).Concat(Emit(Models.InternalMinimal())).ToList();

        var culture = CultureInfo.GetCultureInfo(cultureName);
        var (oldCulture, oldUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        List<(string HintName, string Text)> actual;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            actual = Emit(Models.Shop()).Concat(Emit(Models.InternalMinimal())).ToList();
        }
        finally
        {
            CultureInfo.CurrentCulture = oldCulture;
            CultureInfo.CurrentUICulture = oldUiCulture;
        }

        Assert.Equal(expected.Select(f => f.HintName), actual.Select(f => f.HintName));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Text == actual[i].Text, $"{actual[i].HintName} differs under {cultureName}:\n{FirstDifference(expected[i].Text, actual[i].Text)}");
        }
    }

    [Fact]
    public void MissingSnapshotFails()
    {
        if (UpdateSnapshots)
        {
            return; // in update mode missing snapshots are written, by design
        }

        var exception = Assert.ThrowsAny<Exception>(() => VerifySnapshots(new List<(string, string)> { ("Does.Not.Exist.g.cs", "x") }, "NoSuchTest"));
        Assert.Contains("missing", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static List<(string HintName, string Text)> Emit(ApiModel model)
        => SourceEmitter.Emit(model, CancellationToken.None).Select(f => (f.HintName, f.Text.ToString())).ToList();

    private static void AssertCompilesCleanly(List<(string HintName, string Text)> files)
    {
        var compilation = GeneratorHarness.CreateCompilation(files.Select(f => f.Text).ToArray());
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The emitted code has diagnostics:\n" + string.Join("\n", problems.Take(30)));
    }

    private static void VerifySnapshots(List<(string HintName, string Text)> files, [CallerMemberName] string testName = "")
    {
        var directory = Path.Combine(SnapshotRoot, testName);
        var failures = new List<string>();
        foreach (var (hintName, text) in files)
        {
            var path = Path.Combine(directory, hintName + ".txt");
            if (UpdateSnapshots)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(path, text);
                continue;
            }

            if (!File.Exists(path))
            {
                failures.Add($"Snapshot missing: {path} (run with UPDATE_SNAPSHOTS=1 to create it)");
                continue;
            }

            var expected = File.ReadAllText(path);
            if (expected != text)
            {
                failures.Add($"Snapshot differs: {path}\n{FirstDifference(expected, text)}");
            }
        }

        if (!UpdateSnapshots && Directory.Exists(directory))
        {
            var produced = new HashSet<string>(files.Select(f => f.HintName + ".txt"), StringComparer.Ordinal);
            foreach (var stale in Directory.GetFiles(directory).Select(Path.GetFileName).Where(name => !produced.Contains(name!)))
            {
                failures.Add($"Snapshot {stale} in {directory} is no longer produced");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of text>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of text>";
            if (e != a)
            {
                return $"line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "(no line differs; line endings or trailing text differ)";
    }

    /// <summary>Hand-built models; kept consistent by hand (path part indexes, error type names).</summary>
    private static class Models
    {
        private static readonly TypeRef String = TypeRef.String;
        private static readonly TypeRef Int32 = new(TypeKind.Int32);
        private static readonly TypeRef Int64 = new(TypeKind.Int64);
        private static readonly TypeRef Boolean = new(TypeKind.Boolean);
        private static readonly TypeRef Decimal = new(TypeKind.Decimal);
        private static readonly TypeRef Order = new(TypeKind.Object, "Order");
        private static readonly TypeRef OrderItem = new(TypeKind.Object, "OrderItem");
        private static readonly TypeRef OrderStatus = new(TypeKind.StringEnum, "OrderStatus");
        private static readonly TypeRef Priority = new(TypeKind.IntegerEnum, "Priority");

        public static ApiModel Shop()
        {
            var order = new ObjectTypeModel("Order", "An order.\nSecond line with <xml> & \"quotes\".", Array(
                Property("order_id", "OrderId", String, required: true, description: "The order ID.", constraints: new Constraints(MinLength: 1, MaxLength: 64)),
                Property("api_key", "ApiKey", String, required: true, sensitive: true, constraints: new Constraints(MaxLength: 100)),
                Property("note", "Note", String, nullable: true, constraints: new Constraints(MaxLength: 500)),
                Property("quantity", "Quantity", Int32, required: true, constraints: new Constraints(Minimum: "1", Maximum: "1000")),
                Property("price", "Price", Decimal, nullable: true, constraints: new Constraints(Minimum: "0", ExclusiveMinimum: true, Maximum: "99999.99")),
                Property("status", "Status", OrderStatus, required: true),
                Property("priority", "Priority", Priority, nullable: true),
                Property("tags", "Tags", new TypeRef(TypeKind.Array, Element: String), nullable: true, constraints: new Constraints(MinItems: 1, MaxItems: 10)),
                Property("attributes", "Attributes", new TypeRef(TypeKind.Map, Element: String), nullable: true),
                Property("items", "Items", new TypeRef(TypeKind.Array, Element: OrderItem), nullable: true),
                Property("shipped_at", "ShippedAt", new TypeRef(TypeKind.DateTimeOffset), required: true, nullable: true),
                Property("secret_pin", "SecretPin", String, nullable: true, sensitive: true),
                Property("legacy_code", "LegacyCode", String, nullable: true, deprecated: true, description: "Use status instead.")));
            var orderItem = new ObjectTypeModel("OrderItem", null, Array(
                Property("sku", "Sku", String, required: true),
                Property("count", "Count", Int64, nullable: true, constraints: new Constraints(Minimum: "1"))));
            var errorBody = new ObjectTypeModel("ErrorBody", "Error body.", Array(
                Property("error_code", "ErrorCode", String, nullable: true),
                Property("error_msg", "ErrorMsg", String, nullable: true),
                Property("error_detail", "ErrorDetail", String, nullable: true),
                Property("request_id", "RequestId", String, nullable: true)));

            var status = new EnumTypeModel("OrderStatus", "Where the order is.", false, Array(
                new EnumMemberModel("Pending", "pending", "Not shipped yet."),
                new EnumMemberModel("Shipped", "shipped", null)));
            var priority = new EnumTypeModel("Priority", null, true, Array(
                new EnumMemberModel("Low", "1", null),
                new EnumMemberModel("High", "10", "Handled first.")));

            var error = new ErrorTypeModel("ErrorBodyException", "ErrorBody", "ErrorCode", "ErrorMsg", "ErrorDetail", "RequestId");

            var update = new OperationModel(
                "UpdateOrderAsync",
                "PUT",
                "/stores/{store_id}/orders/{order_id}",
                Array(new PathPart("/stores/", -1), new PathPart(null, 0), new PathPart("/orders/", -1), new PathPart(null, 1)),
                Array(
                    new ParameterModel("store_id", "storeId", ParameterLocation.Path, String, true, false, false, "The store.", new Constraints(MaxLength: 20)),
                    new ParameterModel("order_id", "orderId", ParameterLocation.Path, Int64, true, false, false, null, new Constraints(Minimum: "0")),
                    new ParameterModel("dry_run", "dryRun", ParameterLocation.Query, Boolean, false, true, false, "Only validate.", Constraints.None),
                    new ParameterModel("fields", "fields", ParameterLocation.Query, new TypeRef(TypeKind.Array, Element: String), false, false, false, null, Constraints.None),
                    new ParameterModel("page_size", "pageSize", ParameterLocation.Query, Int32, true, true, false, null, new Constraints(Minimum: "1", Maximum: "100")),
                    new ParameterModel("X-Request-Id", "xRequestId", ParameterLocation.Header, String, false, false, false, null, Constraints.None),
                    new ParameterModel("X-Api-Key", "xApiKey", ParameterLocation.Header, String, true, false, true, "The API key.", Constraints.None)),
                new BodyModel("body", Order, BodyKind.Json, "application/json", true, "The order to store."),
                new ResponseModel(Order, BodyKind.Json, "The stored order."),
                Array(
                    new ErrorMappingModel("400", "ErrorBodyException"),
                    new ErrorMappingModel("404", "ErrorBodyException"),
                    new ErrorMappingModel("5XX", "ErrorBodyException"),
                    new ErrorMappingModel("XXX", "ErrorBodyException")),
                "Update an order",
                "Replaces the order.",
                false,
                "updateOrder",
                true);

            var list = new OperationModel(
                "ListOrdersAsync",
                "GET",
                "/orders",
                Array(new PathPart("/orders", -1)),
                Array(new ParameterModel("status", "status", ParameterLocation.Query, OrderStatus, false, true, false, null, Constraints.None)),
                null,
                new ResponseModel(new TypeRef(TypeKind.Array, Element: Order), BodyKind.Json, null),
                Array<ErrorMappingModel>(),
                null,
                null,
                false,
                "listOrders",
                true);

            var delete = new OperationModel(
                "DeleteOrderAsync",
                "DELETE",
                "/orders/{id}",
                Array(new PathPart("/orders/", -1), new PathPart(null, 0)),
                Array(new ParameterModel("id", "id", ParameterLocation.Path, new TypeRef(TypeKind.Guid), true, false, false, null, Constraints.None)),
                null,
                null,
                Array(new ErrorMappingModel("4XX", "ErrorBodyException")),
                "Delete an order",
                null,
                false,
                "deleteOrder",
                true);

            return new ApiModel(
                "shop.yaml",
                "Snapshot.Shop",
                "ShopClient",
                "public",
                "Shop API",
                "A hand-built model.",
                "https://api.example.com/v1",
                Array(order, orderItem, errorBody),
                Array(status, priority),
                Array(error),
                Array(update, list, delete),
                Array(
                    new ErrorCodeModel("SHOP.0001", 400, "Invalid order \"body\".", "Fix the order and retry."),
                    new ErrorCodeModel("SHOP.0002", 404, "Order not found.", null),
                    new ErrorCodeModel("shop-0002", 404, "Duplicate after PascalCasing.", null)));
        }

        public static ApiModel InternalMinimal()
        {
            var note = new ObjectTypeModel("Note", null, Array(
                Property("text", "Text", String, required: true),
                Property("created", "Created", new TypeRef(TypeKind.Date), nullable: true),
                Property("raw", "Raw", TypeRef.Any, nullable: true)));

            var ping = new OperationModel("PingAsync", "GET", "/ping", Array(new PathPart("/ping", -1)), Array<ParameterModel>(), null, null, Array<ErrorMappingModel>(), null, null, false, "GET /ping", true);
            var send = new OperationModel(
                "SendNoteAsync",
                "POST",
                "/notes",
                Array(new PathPart("/notes", -1)),
                Array<ParameterModel>(),
                new BodyModel("body", new TypeRef(TypeKind.Object, "Note"), BodyKind.Json, "application/json", false, null),
                new ResponseModel(TypeRef.String, BodyKind.Text, "The note ID."),
                Array<ErrorMappingModel>(),
                "Send a note",
                null,
                true,
                "sendNote",
                false);

            return new ApiModel(
                "ping.json",
                "Snapshot.Minimal",
                "PingClient",
                "internal",
                null,
                null,
                null,
                Array(note),
                Array<EnumTypeModel>(),
                Array<ErrorTypeModel>(),
                Array(ping, send),
                Array<ErrorCodeModel>());
        }

        private static PropertyModel Property(
            string jsonName,
            string name,
            TypeRef type,
            bool required = false,
            bool nullable = false,
            bool sensitive = false,
            bool deprecated = false,
            string? description = null,
            Constraints? constraints = null)
            => new(jsonName, name, type, required, nullable, sensitive, deprecated, description, constraints ?? Constraints.None);

        private static EquatableArray<T> Array<T>(params T[] items)
            where T : IEquatable<T>
            => items.ToEquatableArray();
    }
}
