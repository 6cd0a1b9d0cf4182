using System.Globalization;

namespace Retail.Benchmarks.Memory;

/// <summary>A scrape of a silo's <c>/metrics</c>, in Prometheus text format.</summary>
internal sealed class PrometheusText(string[] lines)
{
    public static async Task<PrometheusText> ReadAsync(HttpClient http) =>
        new((await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n'));

    /// <summary>The sum of a metric's series, only those whose labels contain <paramref name="label"/> when given.</summary>
    /// <exception cref="InvalidOperationException">No series matches: a renamed metric must not read as zero.</exception>
    public double Sum(string metric, string? label = null)
    {
        var values = lines
            .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && l.Length > metric.Length && l[metric.Length] is '{' or ' ')
            .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .ToList();
        return values.Count > 0 ? values.Sum() : throw new InvalidOperationException($"The silo's /metrics has no series of {metric} {label}.");
    }
}
