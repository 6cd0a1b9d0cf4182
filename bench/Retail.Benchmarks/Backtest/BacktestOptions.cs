using System.Globalization;

namespace Retail.Benchmarks.Backtest;

/// <summary>Options of the <c>backtest</c> command.</summary>
public sealed record BacktestOptions(string Data, DateOnly From, DateOnly To, int Every, int Horizon, string Out)
{
    public const string Usage = """
        Usage: Retail.Benchmarks backtest --data FILE.csv[.gz] --from YYYY-MM-DD --to YYYY-MM-DD [--every 7] [--horizon 14] --out forecasts.csv
          --data FILE      UCI Online Retail line items (InvoiceNo,StockCode,Description,Quantity,InvoiceDate,...), gzip or plain
          --from, --to     the first and last forecast origins; each forecast uses only lines dated up to the end of its origin
          --every N        days between origins (default 7)
          --horizon N      days forecast after each origin, 1 to 28 (default 14)
          --out FILE       where the date,sku,p50,p90 rows go
        Prints, for the forecaster the grains use, the seed's formula and a 28-day moving average: the total absolute
        error of p50, the pinball loss at 0.9 and the share of actuals at or below p90.
        """;

    public static BacktestOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Expected '--option value' pairs.\n{Usage}");
        }

        string? data = null, output = null;
        DateOnly? from = null, to = null;
        int every = 7, horizon = 14;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--data":
                    data = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--from":
                    from = Date("--from", value);
                    break;
                case "--to":
                    to = Date("--to", value);
                    break;
                case "--every":
                    every = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var e) && e >= 1 ? e : throw new ArgumentException("--every is a whole number of days, at least 1.");
                    break;
                case "--horizon":
                    horizon = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 28 ? h : throw new ArgumentException("--horizon is a whole number of days from 1 to 28.");
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}");
            }
        }

        if (data is null || output is null || from is null || to is null)
        {
            throw new ArgumentException($"--data, --from, --to and --out are required.\n{Usage}");
        }

        if (to < from)
        {
            throw new ArgumentException("--to is before --from.");
        }

        return new BacktestOptions(data, from.Value, to.Value, every, horizon, output);
    }

    private static DateOnly Date(string option, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"{option} is a date like 2011-05-04, not '{value}'.");
}
