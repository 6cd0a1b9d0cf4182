namespace Retail.Silo.Demo;

/// <summary>The built-in event generator of the local run, bound from <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On or off; when unset, on exactly when the broker is embedded.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Clickstream events per second.</summary>
    public double EventsPerSecond { get; set; } = 20;

    /// <summary>Random seed of the generator.</summary>
    public int Seed { get; set; } = 1;
}
