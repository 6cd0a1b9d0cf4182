namespace Retail.Grains.Abstractions.Seed;

/// <summary>The seed pipeline's decision service, as stateless computations.</summary>
public interface ISeedDecisionsGrain : IGrainWithIntegerKey
{
    /// <summary>The seed's dynamic price: base × 1.10 when the view count is above 3, else × 1.01, rounded to cents.</summary>
    Task<decimal> PriceAsync(decimal basePrice, long activityCount);

    /// <summary>The seed's forecast formula. The caller validates: sales and days are positive, quantity is not negative.</summary>
    Task<SeedForecast> PredictAsync(double totalSales, double totalDays, double quantityOnHand);
}

/// <summary>The seed predict endpoint's answer.</summary>
[GenerateSerializer, Immutable]
public sealed record SeedForecast(
    [property: Id(0)] DateOnly SellThroughDate,
    [property: Id(1)] int InventoryDaysOnHand);
