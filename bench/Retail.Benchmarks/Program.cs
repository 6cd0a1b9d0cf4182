using BenchmarkDotNet.Running;
using Retail.Benchmarks.Backtest;
using Retail.Benchmarks.EndToEnd;
using Retail.Benchmarks.EndToEnd.Baseline;
using Retail.Benchmarks.Memory;
using Retail.Benchmarks.Processes;

// e2e: the end-to-end comparison; memory: a silo process's memory per active grain; backtest: the demand
// forecaster on real sales (see BENCHMARKS.md).
// broker, baseline and streamiz: the processes e2e starts.
// Anything else goes to BenchmarkDotNet: dotnet run -c Release --project bench/Retail.Benchmarks -- --filter '*'
var command = args.Length > 0 ? args[0] : null;
(string Usage, Func<string[], Func<Task<int>>> Parse)? chosen = command switch
{
    "e2e" => (E2eOptions.Usage, a =>
    {
        var options = E2eOptions.Parse(a);
        return () => E2eCommand.RunAsync(options);
    }),
    "memory" => (MemoryOptions.Usage, a =>
    {
        var options = MemoryOptions.Parse(a);
        return () => MemoryCommand.RunAsync(options);
    }),
    "backtest" => (BacktestOptions.Usage, a =>
    {
        var options = BacktestOptions.Parse(a);
        return () => BacktestCommand.RunAsync(options);
    }),
    "broker" => (BrokerCommand.Usage, a => a.Length == 0 ? BrokerCommand.RunAsync : throw new ArgumentException($"broker takes no options.\n{BrokerCommand.Usage}")),
    "baseline" => (BaselineCommand.Usage, a =>
    {
        var options = BaselineOptions.Parse(a, BaselineCommand.Usage);
        return () => BaselineCommand.RunAsync(options);
    }),
    "streamiz" => (StreamizCommand.Usage, a =>
    {
        var options = BaselineOptions.Parse(a, StreamizCommand.Usage);
        return () => StreamizCommand.RunAsync(options);
    }),
    _ => null,
};

if (chosen is not { } run)
{
    BenchmarkSwitcher.FromAssembly(typeof(E2eCommand).Assembly).Run(args);
    return 0;
}

if (args.Skip(1).Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(run.Usage);
    return 0;
}

Func<Task<int>> execute;
try
{
    execute = run.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    // Only the options' errors: a failure during the run keeps its stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

return await execute();
