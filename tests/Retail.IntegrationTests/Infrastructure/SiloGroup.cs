namespace Retail.IntegrationTests.Infrastructure;

/// <summary>Tests in this collection share one running silo and broker.</summary>
[CollectionDefinition(Name)]
public sealed class SiloGroup : ICollectionFixture<SiloFactory>
{
    public const string Name = "silo";
}
