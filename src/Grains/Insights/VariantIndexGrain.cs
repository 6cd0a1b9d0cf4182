using Retail.Grains.Activity;
using Retail.Grains.Forecasting;

namespace Retail.Grains.Insights;

/// <summary>One shard of the cross-variant index: the latest summary of each of its variants, in memory.</summary>
/// <remarks>
/// It is rebuilt from fresh reports after a restart, so it keeps no durable state of its own.
/// </remarks>
internal sealed class VariantIndexGrain(TimeProvider time) : Grain, IVariantIndexGrain
{
    private static readonly TimeSpan TrendingWindow = TimeSpan.FromMinutes(15);
    private readonly Dictionary<long, VariantSummary> _variants = [];

    public Task ReportAsync(ImmutableArray<VariantSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            if (summary.Deleted)
            {
                // A deleted variant stays deleted: every later summary of it says so too.
                _variants.Remove(summary.VariantId);
            }
            else if (!_variants.TryGetValue(summary.VariantId, out var known) || known.AsOf <= summary.AsOf)
            {
                _variants[summary.VariantId] = summary;
            }
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<TrendingVariant>> GetTrendingAsync(int limit)
    {
        var now = time.GetUtcNow();
        var top = _variants.Values
            .Select(s => (Summary: s, Views: s.Views.Count(now, TrendingWindow)))
            .Where(x => x.Views > 0)
            .OrderByDescending(x => x.Views)
            .ThenBy(x => x.Summary.VariantId)
            .Take(Math.Max(limit, 0))
            .Select(x => new TrendingVariant(x.Summary.VariantId, x.Summary.ProductId, x.Summary.Title, x.Summary.Sku, x.Views, x.Summary.Price, x.Summary.DynamicPrice))
            .ToImmutableArray();
        return Task.FromResult(top);
    }

    public Task<ImmutableArray<PriceDecision>> GetRecentPriceChangesAsync(int limit) => Task.FromResult(Newest(s => s.LastPriceChange, limit));

    public Task<ImmutableArray<PriceDecision>> GetSuggestionsAsync(int limit) => Task.FromResult(Newest(s => s.Suggestion, limit));

    public Task<ImmutableArray<StockRiskVariant>> GetStockRiskAsync(double days)
    {
        var now = time.GetUtcNow();
        var horizon = DateOnly.FromDateTime((now + TimeSpan.FromDays(days)).UtcDateTime);
        // The early date is when the chance reaches one in ten: only those variants need their chance worked out.
        var risky = _variants.Values
            .Where(s => s.InventoryQuantity is not null && s.SellThrough.P10Date is { } early && early <= horizon)
            .Select(s => (Summary: s, Probability: SellOutProbability(s, now, days)))
            .Where(x => x.Probability >= StockRiskVariant.ListedFrom)
            .OrderByDescending(x => x.Probability)
            .ThenBy(x => x.Summary.SellThrough.DaysOfInventoryP50)
            .ThenBy(x => x.Summary.VariantId)
            .Select(x => new StockRiskVariant(
                x.Summary.VariantId,
                x.Summary.ProductId,
                x.Summary.Title,
                x.Summary.Sku,
                x.Summary.InventoryQuantity,
                x.Summary.Demand.PerDay,
                x.Summary.SellThrough.DaysOfInventoryP50,
                x.Summary.SellThrough.P50Date,
                Math.Round(x.Probability, 3),
                x.Summary.SellThrough))
            .ToImmutableArray();
        return Task.FromResult(risky);
    }

    private ImmutableArray<PriceDecision> Newest(Func<VariantSummary, PriceDecision?> decision, int limit) =>
        _variants.Values
            .Select(decision)
            .OfType<PriceDecision>()
            .OrderByDescending(d => d.DecidedAt)
            .ThenBy(d => d.VariantId)
            .Take(Math.Max(limit, 0))
            .ToImmutableArray();

    /// <summary>The chance the variant sells out within <paramref name="days"/> of now: its quantity is as of its report, so the span starts there.</summary>
    private static double SellOutProbability(VariantSummary summary, DateTimeOffset now, double days)
    {
        var elapsed = Math.Max(0, (now - summary.AsOf).TotalDays);
        return summary.Demand.ProbabilityAtLeast(summary.InventoryQuantity!.Value, elapsed + days);
    }
}
