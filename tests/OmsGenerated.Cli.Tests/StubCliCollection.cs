using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>The CLI test classes that share one stub run one after another (the stub's script is per test).</summary>
[CollectionDefinition(Name)]
public sealed class StubCliCollection : ICollectionFixture<StubCli>
{
    public const string Name = "CLI against the OMS stub";
}
