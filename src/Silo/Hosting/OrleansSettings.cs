namespace Retail.Silo.Hosting;

/// <summary>Cluster identity and ports, bound from <c>Orleans</c>.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "retail-local";

    public string ServiceId { get; set; } = "retail";

    /// <summary>Silo-to-silo port; distinct per process when several silos share a machine.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; distinct per process when several silos share a machine.</summary>
    public int GatewayPort { get; set; } = 30000;
}
