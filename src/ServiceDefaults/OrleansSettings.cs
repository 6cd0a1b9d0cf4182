using Microsoft.Extensions.Configuration;

namespace Retail.ServiceDefaults;

/// <summary>Cluster identity and ports, bound from <c>Orleans</c>: for silos and for the standalone API, which joins through the gateway.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public static OrleansSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansSettings>() ?? new OrleansSettings();

    public string ClusterId { get; set; } = "retail-local";

    public string ServiceId { get; set; } = "retail";

    /// <summary>Silo-to-silo port; distinct per process when several silos share a machine.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; distinct per process when several silos share a machine.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Without PostgreSQL (localhost clustering): the silo port of the first silo on this machine, which the
    /// second and later silos join. Unset: this silo is the first.
    /// </summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// The address other silos and clients reach this one at. Empty: this host's name resolved to IPv4,
    /// which suits containers; set 127.0.0.1 for several silos on one machine.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    public System.Net.IPAddress AdvertisedAddress()
    {
        if (System.Net.IPAddress.TryParse(AdvertisedHost, out var address))
        {
            return address;
        }

        var host = string.IsNullOrWhiteSpace(AdvertisedHost) ? System.Net.Dns.GetHostName() : AdvertisedHost;
        return System.Net.Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? System.Net.IPAddress.Loopback;
    }
}
