namespace Retail.Benchmarks.Processes;

/// <summary>A fresh embedded broker in a process of its own (<see cref="BrokerCommand"/>), stopped when disposed.</summary>
internal sealed class BrokerProcess : IDisposable
{
    private const string AddressPrefix = "bootstrap=";

    private readonly ChildProcess _process;

    private BrokerProcess(ChildProcess process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static async Task<BrokerProcess> StartAsync()
    {
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(ChildProcess.StartInfo("Retail.Benchmarks", "broker"), "broker", line =>
        {
            if (line.StartsWith(AddressPrefix, StringComparison.Ordinal))
            {
                address.TrySetResult(line[AddressPrefix.Length..]);
            }
        });
        try
        {
            return new BrokerProcess(process, await process.WaitAsync(address.Task, TimeSpan.FromMinutes(1), "bootstrap address"));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Asked to stop by closing its stdin; killed if it has not within a few seconds.
        _process.CloseInput();
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
