using BenchmarkDotNet.Running;
using Retail.Benchmarks.EndToEnd;
using Retail.Benchmarks.Memory;

// e2e: the end-to-end comparison; memory: a silo process's memory per active grain (see BENCHMARKS.md).
// Anything else goes to BenchmarkDotNet: dotnet run -c Release --project bench/Retail.Benchmarks -- --filter '*'
var command = args.Length > 0 ? args[0] : null;
(string Usage, Func<string[], Task<int>> Run)? chosen = command switch
{
    "e2e" => (E2eOptions.Usage, a => E2eCommand.RunAsync(E2eOptions.Parse(a))),
    "memory" => (MemoryOptions.Usage, a => MemoryCommand.RunAsync(MemoryOptions.Parse(a))),
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

try
{
    return await run.Run(args[1..]);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
