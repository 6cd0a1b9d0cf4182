using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Retail.Grains.Forecasting;
using Retail.Grains.Insights;
using Retail.Grains.Pricing;
using Retail.Grains.Publishing;
using Retail.Grains.Variants;
using Streaming.Kafka.Providers;

namespace Retail.Silo.Hosting;

/// <summary>The services the retail grains take: pricing policy, forecasting options, clock, the index feed and the publisher.</summary>
public static class DomainServices
{
    public static IServiceCollection AddRetailDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ForecastingOptions>()
            .BindConfiguration(ForecastingOptions.Section)
            .Validate(o => o.IsValid, "Forecasting: ProbabilitySmoothing, SizeSmoothing and PriorProbability must be in (0, 1], PriorDays not negative, PriorSize positive, OutlierCap above 1 and RateUncertainty not negative.")
            .ValidateOnStart();
        services.AddOptions<DemandPricingOptions>()
            .BindConfiguration(DemandPricingOptions.Section)
            .Validate(o => o.Policy is DemandPricingPolicy.PolicyName or SeedPricingPolicy.PolicyName, $"Pricing:Policy must be '{DemandPricingPolicy.PolicyName}' or '{SeedPricingPolicy.PolicyName}'.")
            .Validate(o => o.Floor > 0 && o.Floor <= 1 && o.Ceiling >= 1, "Pricing:Floor must be in (0, 1] and Pricing:Ceiling at least 1.")
            .Validate(o => o.MaxStep > 0 && o.MinInterval >= TimeSpan.Zero, "Pricing:MaxStep must be positive and Pricing:MinInterval not negative.")
            .ValidateOnStart();
        services.AddSingleton<IPricingPolicy>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DemandPricingOptions>>();
            return options.Value.Policy == SeedPricingPolicy.PolicyName ? new SeedPricingPolicy() : new DemandPricingPolicy(options);
        });
        services.AddSingleton<VariantReportBuffer>();
        services.AddSingleton<IStreamPublisher>(sp => new KafkaStreamPublisher(sp.GetRequiredKeyedService<KafkaStreamWriter>(StreamNames.Provider)));
        services.AddSingleton<VariantMetrics>();
        return services;
    }
}

/// <summary>The variants' publisher, on the Kafka provider's writer.</summary>
internal sealed class KafkaStreamPublisher(KafkaStreamWriter writer) : IStreamPublisher
{
    public Task PublishAsync<T>(StreamId streamId, T item) => writer.WriteAsync(streamId, item);
}
