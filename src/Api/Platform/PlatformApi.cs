using System.Reflection;
using System.Runtime.InteropServices;
using Orleans.Runtime;

namespace Retail.Api.Platform;

/// <summary>Endpoints that describe the running platform.</summary>
public static class PlatformApi
{
    private static readonly string ProductVersion = VersionOf(typeof(PlatformApi).Assembly);
    private static readonly string OrleansVersion = VersionOf(typeof(IGrainFactory).Assembly);

    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/system", GetSystemAsync)
            .WithName("GetSystem")
            .WithSummary("Versions, storage, Kafka bootstrap address and silo count.")
            .RequireAuthorization(Security.AccessPolicies.Operator)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Ok<SystemResponse>> GetSystemAsync(IClusterClient client, PlatformInfo platform)
    {
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return TypedResults.Ok(new SystemResponse(
            ProductVersion,
            OrleansVersion,
            RuntimeInformation.FrameworkDescription,
            platform.StorageKind,
            platform.StorageDurable,
            new SystemKafka(platform.KafkaBootstrapServers, platform.KafkaEmbedded),
            hosts.Count));
    }

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        // Keep the version number only: builds append "+sha" or ". Commit Hash: ...".
        return version.Split([' ', '+'], 2)[0].TrimEnd('.');
    }
}
