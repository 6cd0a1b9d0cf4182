using System.Globalization;
using Microsoft.Extensions.Options;

namespace Retail.Grains.Pricing;

/// <summary>
/// The default policy: demand (views, add-to-cart and purchase rates) times stock pressure (days of
/// inventory against a target), kept between a floor and a ceiling, moved at most one step at a time,
/// and changed at most once per interval.
/// </summary>
public sealed class DemandPricingPolicy(IOptions<DemandPricingOptions> options) : IPricingPolicy
{
    public const string PolicyName = "default";

    private readonly DemandPricingOptions _options = options.Value;

    public string Name => PolicyName;

    public PriceDecision? Decide(PricingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var basePrice = input.BasePrice;
        var floor = Prices.ToCents(basePrice * _options.Floor);
        var ceiling = Prices.ToCents(basePrice * _options.Ceiling);

        if (input.CurrentPrice is not { } current)
        {
            return Decision(input, Prices.ToCents(Math.Clamp(basePrice, floor, ceiling)), "first price: the Shopify price");
        }

        // A base price change can leave the current price outside the guardrails; bring it back at once.
        if (current < floor || current > ceiling)
        {
            return Decision(input, Math.Clamp(current, floor, ceiling), "back within the floor and ceiling after a base price change");
        }

        if (input.LastChangeAt is { } last && input.Now - last < _options.MinInterval)
        {
            return null;
        }

        var demand = Demand(input);
        var stock = StockPressure(input.DaysOfInventory);
        var target = Math.Clamp(Prices.ToCents(basePrice * (1 + (_options.DemandWeight * demand)) * (1 + (_options.StockWeight * stock))), floor, ceiling);
        var maxStep = Prices.ToCents(basePrice * _options.MaxStep);
        var next = Prices.ToCents(Math.Clamp(target, current - maxStep, current + maxStep));
        if (next == current)
        {
            return null;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"demand {demand:+0.00;-0.00} ({input.ViewsLastHour} views, {input.AddToCartsLastHour} add-to-carts, {input.PurchasesLastHour} purchases in 1 h), stock {stock:+0.00;-0.00} ({(input.DaysOfInventory is { } d ? $"median {d:0.#} days on hand" : "no sales signal")}), target {target}");
        return Decision(input, next, reason);
    }

    /// <summary>Demand in [-1, 1]: views against normal, lifted by how many viewers add to cart and buy.</summary>
    private decimal Demand(PricingInput input)
    {
        var views = (double)input.ViewsLastHour;
        var normal = Math.Max(_options.NormalViewsPerHour, 1);
        var viewSignal = Math.Tanh((views - normal) / normal);
        var conversion = views > 0 ? (input.AddToCartsLastHour + (2.0 * input.PurchasesLastHour)) / views : 0;
        var conversionSignal = Math.Tanh(conversion * 2) * 0.5;
        return (decimal)Math.Clamp(viewSignal + conversionSignal, -1, 1);
    }

    /// <summary>Stock pressure in [-1, 1]: positive when stock runs out sooner than the target.</summary>
    private decimal StockPressure(double? daysOfInventory)
    {
        if (daysOfInventory is not { } days)
        {
            return 0;
        }

        var target = Math.Max(_options.TargetDaysOfInventory, 1);
        return (decimal)Math.Clamp((target - days) / target, -1, 1);
    }

    private PriceDecision Decision(PricingInput input, decimal price, string reason) =>
        new(input.VariantId, input.BasePrice, input.CurrentPrice, price, Name, reason, input.Now);
}
