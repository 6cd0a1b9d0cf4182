namespace Retail.Grains.Forecasting;

/// <summary>
/// Forecasts a variant's units sold over the coming days from its sales, for intermittent demand. Days are
/// folded one at a time into the share of days with a sale and the units on such a day, as TSB does: the
/// share decays on every day without a sale, so a stale item fades. Units per selling day are smoothed in
/// logs, which order sizes spread over, and each day is capped against the usual size, so one huge order
/// moves the forecast little. Both start from a prior worth a few days, so a first sale is not the norm.
/// Pure: time is what the caller passes.
/// </summary>
public sealed class DemandForecaster
{
    /// <summary>The spread, in logs, assumed of the prior size: a factor of about e either way.</summary>
    private const double PriorLogVariance = 1;

    private readonly ForecastingOptions _options;
    private readonly double _priorLogSize;

    public DemandForecaster(ForecastingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsValid)
        {
            throw new ArgumentException("The forecasting options are out of range.", nameof(options));
        }

        _options = options;
        _priorLogSize = Math.Log(options.PriorSize);
    }

    /// <summary>The history after <paramref name="units"/> more units sold at <paramref name="at"/>.</summary>
    /// <remarks>A sale dated before the day being counted is counted in that day: the days before are already folded.</remarks>
    public DemandHistory Record(DemandHistory history, double units, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!(units > 0) || !double.IsFinite(units))
        {
            return history;
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (history.FirstDay is null)
        {
            return history with { FirstDay = day, OpenDay = day, OpenUnits = units };
        }

        if (day <= history.OpenDay)
        {
            return history with { OpenUnits = history.OpenUnits + units };
        }

        return FoldUntil(history, day) with { OpenDay = day, OpenUnits = units };
    }

    /// <summary>
    /// The history without <paramref name="units"/> sold at <paramref name="soldAt"/>, which a cancellation or refund
    /// takes back. Only the day still being counted can give units back: a day already folded into the smoothed
    /// statistics keeps them, as an outlier would. A first day left with no units means nothing was ever sold.
    /// </summary>
    public static DemandHistory Remove(DemandHistory history, double units, DateTimeOffset soldAt)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!(units > 0) || history.FirstDay is null || DateOnly.FromDateTime(soldAt.UtcDateTime) != history.OpenDay)
        {
            return history;
        }

        var left = Math.Max(0, history.OpenUnits - units);
        return left == 0 && history.SellingDays == 0 && history.FirstDay == history.OpenDay
            ? DemandHistory.None
            : history with { OpenUnits = left };
    }

    /// <summary>
    /// The history with the days from <paramref name="from"/> (exclusive) to <paramref name="until"/> left out:
    /// days the variant could not sell, out of stock, hide demand instead of showing none.
    /// </summary>
    public DemandHistory Skip(DemandHistory history, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (start, end) = (DateOnly.FromDateTime(from.UtcDateTime), DateOnly.FromDateTime(until.UtcDateTime));
        if (history.FirstDay is null || end <= start || end <= history.OpenDay)
        {
            return history;
        }

        // The day it sold out is a day like any other; counting starts again on the day it came back.
        var lastCounted = start > history.OpenDay ? start : history.OpenDay;
        return FoldUntil(history, lastCounted.AddDays(1)) with { OpenDay = end, OpenUnits = 0 };
    }

    /// <summary>
    /// The expected demand at <paramref name="now"/>: the day being counted is taken as it stands, and the days
    /// since without a sale count as such. Its quantiles are <see cref="DemandDistribution"/>'s.
    /// </summary>
    public DemandRate Outlook(DemandHistory history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.FirstDay is null)
        {
            return DemandRate.None;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var folded = FoldUntil(history, today > history.OpenDay ? today : history.OpenDay.AddDays(1));
        // Units on a selling day are log-normal: their mean and second moment follow from the logs' two moments.
        var logVariance = Math.Max(0, folded.LogSizeSquare - (folded.LogSize * folded.LogSize));
        var size = Math.Exp(folded.LogSize + (logVariance / 2));
        var sizeSquare = Math.Exp((2 * folded.LogSize) + (2 * logVariance));
        var mean = folded.Probability * size;
        // A day's demand is a sale with that probability, of a size with that spread.
        var dailyVariance = Math.Max(0, (folded.Probability * sizeSquare) - (mean * mean));
        return new DemandRate(mean, dailyVariance, _options.RateUncertainty);
    }

    /// <summary>The strongest of the sources: the same sale may be seen as an order, a decrement and a purchase.</summary>
    public DemandRate Outlook(SalesSignals signals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signals);
        // The first of equals wins, and NaN loses (CompareTo, not >): the order MaxBy gave.
        var strongest = Outlook(signals.Orders, now);
        foreach (var other in (ReadOnlySpan<DemandHistory>)[signals.InventoryDecrements, signals.Purchases])
        {
            var rate = Outlook(other, now);
            if (rate.PerDay.CompareTo(strongest.PerDay) > 0)
            {
                strongest = rate;
            }
        }

        return strongest;
    }

    /// <summary>Folds the open day, then every day after it before <paramref name="day"/> as a day without a sale.</summary>
    private DemandHistory FoldUntil(DemandHistory history, DateOnly day)
    {
        var first = history.FirstDay!.Value;
        var folded = Fold(history, history.OpenUnits, history.OpenDay.DayNumber - first.DayNumber);
        for (var d = history.OpenDay.AddDays(1); d < day; d = d.AddDays(1))
        {
            var weight = ProbabilityWeight(d.DayNumber - first.DayNumber);
            if (weight == _options.ProbabilitySmoothing)
            {
                // Past the warm-up the weight is constant, so the remaining days fold at once.
                return folded with { Probability = folded.Probability * Math.Pow(1 - weight, day.DayNumber - d.DayNumber) };
            }

            folded = folded with { Probability = folded.Probability * (1 - weight) };
        }

        return folded;
    }

    /// <summary>One finished day, <paramref name="age"/> days after the first sale, with its units.</summary>
    private DemandHistory Fold(DemandHistory history, double units, int age)
    {
        var weight = ProbabilityWeight(age);
        var probability = age == 0 ? _options.PriorProbability : history.Probability;
        if (units <= 0)
        {
            return history with { Probability = probability * (1 - weight), OpenUnits = 0 };
        }

        var (logSize, logSizeSquare) = history.SellingDays == 0
            ? (_priorLogSize, (_priorLogSize * _priorLogSize) + PriorLogVariance)
            : (history.LogSize, history.LogSizeSquare);
        var logUnits = Math.Min(Math.Log(units), logSize + Math.Log(_options.OutlierCap));
        // The prior counts as one selling day; until enough days are seen, the logs' plain average.
        var sizeWeight = Math.Max(_options.SizeSmoothing, 1.0 / (history.SellingDays + 2));
        return history with
        {
            OpenUnits = 0,
            SellingDays = history.SellingDays + 1,
            Probability = probability + (weight * (1 - probability)),
            LogSize = logSize + (sizeWeight * (logUnits - logSize)),
            LogSizeSquare = logSizeSquare + (sizeWeight * ((logUnits * logUnits) - logSizeSquare)),
        };
    }

    /// <summary>The weight of a day <paramref name="age"/> days after the first sale: a plain average with the prior until smoothing takes over.</summary>
    private double ProbabilityWeight(int age) => Math.Max(_options.ProbabilitySmoothing, 1.0 / (age + 1 + _options.PriorDays));
}
