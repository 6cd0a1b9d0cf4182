using System.Globalization;

namespace Retail.Benchmarks.EndToEnd.Sides;

/// <summary>
/// One side of the comparison, as <c>--sides</c> names it: how to start it, alone, on a broker. A new side is a
/// class of this and of <see cref="IRunningSide"/>, and a name in <see cref="Create"/>.
/// </summary>
internal interface ISide
{
    string Name { get; }

    /// <summary>Starts the side's process(es) on <see cref="SideSetup.BootstrapServers"/>; done once they are ready to consume.</summary>
    Task<IRunningSide> StartAsync(SideSetup setup);

    /// <summary>The side named <paramref name="name"/>: <c>baseline</c>, <c>streamiz</c>, or <c>memory-N</c> and <c>postgres-N</c> for N silo processes.</summary>
    /// <exception cref="ArgumentException">No such side, or a PostgreSQL side without <paramref name="postgres"/>.</exception>
    static ISide Create(string name, string? postgres)
    {
        if (name == BaselineSide.SideName)
        {
            return new BaselineSide();
        }

        if (name == StreamizSide.SideName)
        {
            return new StreamizSide();
        }

        var dash = name.LastIndexOf('-');
        var storage = dash > 0 ? name[..dash] : "";
        if (storage is "memory" or "postgres" && int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var silos) && silos >= 1)
        {
            if (storage == "memory")
            {
                return new PipelineSide(name, silos, postgres: null);
            }

            return string.IsNullOrWhiteSpace(postgres)
                ? throw new ArgumentException($"Side '{name}' needs --postgres CONNECTION-STRING.")
                : new PipelineSide(name, silos, postgres);
        }

        throw new ArgumentException($"Unknown side '{name}': baseline, streamiz, memory-N or postgres-N (N silo processes).");
    }
}
