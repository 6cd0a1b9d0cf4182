using Orleans.Concurrency;
using Retail.Grains.Forecasting;
using Retail.Grains.Pricing;

namespace Retail.Grains.Seed;

/// <summary>The seed service's computations, stateless so that any silo can answer.</summary>
[StatelessWorker]
internal sealed class SeedDecisionsGrain(TimeProvider time) : Grain, ISeedDecisionsGrain
{
    public Task<decimal> PriceAsync(decimal basePrice, long activityCount) =>
        Task.FromResult(SeedPricingPolicy.Price(basePrice, activityCount));

    public Task<SeedForecast> PredictAsync(double totalSales, double totalDays, double quantityOnHand) =>
        Task.FromResult(SeedForecasting.Predict(totalSales, totalDays, quantityOnHand, time.GetUtcNow()));
}
