using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Retail.Generators.Replay;
using Retail.Grains.Abstractions.Variants;
using Retail.Grains.Forecasting;

namespace Retail.Benchmarks.Backtest;

/// <summary>
/// Replays UCI line items through the grains' demand forecaster and scores its quantiles against what sold next,
/// beside the seed's formula and a 28-day moving average.
/// </summary>
public static class BacktestCommand
{
    private const int MovingAverageDays = 28;

    public static async Task<int> RunAsync(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var sales = await LoadSalesAsync(options.Data);
        if (sales.Count == 0)
        {
            await Console.Error.WriteLineAsync($"{options.Data} holds no sales.");
            return 1;
        }

        var firstDay = DateOnly.FromDateTime(sales[0].At);
        var lastDay = DateOnly.FromDateTime(sales[^1].At);
        var skus = sales.Select(s => s.Sku).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = skus.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var daily = skus.Select(_ => new double[lastDay.DayNumber - firstDay.DayNumber + 1]).ToArray();
        foreach (var sale in sales)
        {
            daily[index[sale.Sku]][DateOnly.FromDateTime(sale.At).DayNumber - firstDay.DayNumber] += sale.Units;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sales.Count:N0} sales of {skus.Length:N0} SKUs from {firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}, read in {clock.Elapsed.TotalSeconds:N1} s"));
        if (options.To.AddDays(options.Horizon) > lastDay)
        {
            Console.WriteLine($"warning: the data ends {lastDay:yyyy-MM-dd}, so the last origins' actuals are short.");
        }

        var forecaster = new DemandForecaster(new ForecastingOptions());
        var histories = new DemandHistory[skus.Length];
        Array.Fill(histories, DemandHistory.None);
        var totals = new double[skus.Length];
        var ours = new Score("ours");
        var seed = new Score("seed formula");
        var average = new Score("28-day moving average");
        var next = 0;

        await using var output = new StreamWriter(options.Out);
        await output.WriteLineAsync("date,sku,p50,p90");
        for (var origin = options.From; origin <= options.To; origin = origin.AddDays(options.Every))
        {
            var end = new DateTimeOffset(origin.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            for (; next < sales.Count && sales[next].At < end.UtcDateTime; next++)
            {
                var sale = sales[next];
                var sku = index[sale.Sku];
                histories[sku] = forecaster.Record(histories[sku], sale.Units, sale.At);
                totals[sku] += sale.Units;
            }

            var day = origin.DayNumber - firstDay.DayNumber;
            var forecasts = 0;
            for (var sku = 0; sku < skus.Length; sku++)
            {
                if (histories[sku].FirstDay is not { } first)
                {
                    continue;
                }

                var outlook = forecaster.Outlook(histories[sku], end);
                var p50 = outlook.Quantile(options.Horizon, 0.5);
                var p90 = outlook.Quantile(options.Horizon, 0.9);
                var actual = Sum(daily[sku], day + 1, day + options.Horizon);
                ours.Add(p50, p90, actual);
                var seedForecast = options.Horizon * totals[sku] / (origin.DayNumber - first.DayNumber + 1);
                seed.Add(seedForecast, seedForecast, actual);
                var movingAverage = options.Horizon * Sum(daily[sku], day - MovingAverageDays + 1, day) / MovingAverageDays;
                average.Add(movingAverage, movingAverage, actual);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{origin:yyyy-MM-dd},{skus[sku]},{p50},{p90}"));
                forecasts++;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"origin {origin:yyyy-MM-dd}: {forecasts:N0} SKUs forecast; so far abs p50 error {ours.AbsoluteError:N0} against the seed formula's {seed.AbsoluteError:N0} ({clock.Elapsed.TotalSeconds:N1} s)"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ours.Count:N0} forecasts, horizon {options.Horizon} days, origins every {options.Every} days from {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd}"));
        Console.WriteLine("| Method | Abs p50 error | Ratio to seed | Pinball 0.9 | p90 coverage |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var score in new[] { seed, average, ours })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {score.Name} | {score.AbsoluteError:N0} | {score.AbsoluteError / seed.AbsoluteError:N3} | {score.Pinball90:N0} | {score.Coverage:N3} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio={ours.AbsoluteError / seed.AbsoluteError:N4} coverage={ours.Coverage:N3} forecasts={ours.Count} seconds={clock.Elapsed.TotalSeconds:N1}"));
        return 0;
    }

    /// <summary>Units on days <paramref name="from"/> to <paramref name="to"/> (indices, inclusive), clipped to the data.</summary>
    private static double Sum(double[] days, int from, int to)
    {
        var sum = 0.0;
        for (var d = Math.Max(0, from); d <= Math.Min(days.Length - 1, to); d++)
        {
            sum += days[d];
        }

        return sum;
    }

    /// <summary>The sales in time order: lines with units sold, neither cancellations nor returns.</summary>
    private static async Task<List<(string Sku, DateTime At, int Units)>> LoadSalesAsync(string path)
    {
        await using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using (stream)
        {
            using var reader = new StreamReader(stream);
            var sales = new List<(string Sku, DateTime At, int Units)>();
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } text)
            {
                if (text.Length == 0)
                {
                    continue;
                }

                var line = UciLine.Parse(text);
                if (!line.IsCancellation && line.Quantity > 0)
                {
                    sales.Add((line.StockCode, line.InvoiceDate, line.Quantity));
                }
            }

            // Stable: the file is in date order already, and ties keep it.
            return [.. sales.OrderBy(s => s.At)];
        }
    }
}
