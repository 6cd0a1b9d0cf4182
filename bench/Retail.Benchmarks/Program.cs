using BenchmarkDotNet.Running;

// Micro-benchmarks: dotnet run -c Release --project bench/Retail.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
