namespace Retail.Benchmarks.Backtest;

/// <summary>The running score of one forecasting method over every origin and SKU.</summary>
internal sealed class Score(string name)
{
    public string Name { get; } = name;

    public double AbsoluteError { get; private set; }

    public double Pinball90 { get; private set; }

    public double Covered { get; private set; }

    public int Count { get; private set; }

    public double Coverage => Count == 0 ? 0 : Covered / Count;

    /// <summary>Scores one forecast against what sold.</summary>
    public void Add(double p50, double p90, double actual)
    {
        AbsoluteError += Math.Abs(p50 - actual);
        Pinball90 += actual >= p90 ? 0.9 * (actual - p90) : 0.1 * (p90 - actual);
        Covered += actual <= p90 ? 1 : 0;
        Count++;
    }
}
