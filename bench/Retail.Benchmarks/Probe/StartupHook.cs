using System.Diagnostics.CodeAnalysis;
using Retail.Benchmarks.Probe;

/// <summary>
/// Loaded into a <c>Retail.Silo</c> process by <c>DOTNET_STARTUP_HOOKS</c>, which e2e sets: with
/// <see cref="VariantProbe.PortVariable"/> set, it starts a <see cref="VariantProbe"/> before the silo's own code runs.
/// The runtime looks for this name in the global namespace. It and what it starts use only the base class
/// library, since the silo's dependencies do not include this benchmark's.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime requires a startup hook's class in the global namespace.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(VariantProbe.PortVariable), out var port))
        {
            VariantProbe.Start(port);
        }
    }
}
