using BenchmarkDotNet.Running;
using Retail.Benchmarks.EndToEnd;

// e2e: the end-to-end comparison (see BENCHMARKS.md). Anything else goes to BenchmarkDotNet:
//   dotnet run -c Release --project bench/Retail.Benchmarks -- --filter '*'
if (args.Length > 0 && args[0] == "e2e")
{
    if (args.Skip(1).Any(a => a is "--help" or "-h"))
    {
        Console.WriteLine(E2eOptions.Usage);
        return 0;
    }

    try
    {
        return await E2eCommand.RunAsync(E2eOptions.Parse(args[1..]));
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 2;
    }
}

BenchmarkSwitcher.FromAssembly(typeof(E2eCommand).Assembly).Run(args);
return 0;
