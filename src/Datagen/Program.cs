using Retail.Datagen;
using Retail.Generators;
using Retail.ServiceDefaults;
using Retail.Datagen.Broker;
using Retail.Generators.Clickstream;
using Retail.Generators.Output;
using Retail.Generators.Records;
using Retail.Generators.Replay;
using Retail.Generators.Shopify;
using Retail.Generators.Truth;

if (args is [TrialBroker.Name, ..])
{
    return await TrialBroker.RunAsync(args[1..]);
}

if (!GeneratorOptions.TryParse(args, out var options, out var error))
{
    if (error is not null)
    {
        await Console.Error.WriteLineAsync(error);
    }

    await Console.Error.WriteLineAsync(GeneratorOptions.Usage);
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (options!.Duration is { } duration)
{
    cancel.CancelAfter(duration);
}

var truth = options.TruthFile is null ? null : new GroundTruth();
IEnumerable<(TimeSpan Due, OutboundRecord Record)> schedule;
switch (options.Mode)
{
    case GeneratorOptions.Clickstream:
        schedule = Publisher.AtRate(new ClickstreamGenerator(options.Seed, truth: truth).Records(), options.Rate);
        break;
    case GeneratorOptions.Shopify:
        schedule = Publisher.AtRate(new CatalogGenerator(options.Seed, truth: truth).Records(), options.Rate);
        break;
    default:
        var folder = options.DataDirectory ?? Path.Combine(AppContext.BaseDirectory, "data", "uci-online-retail");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv") : [];
        if (files.Length == 0)
        {
            await Console.Error.WriteLineAsync($"No UCI CSV files in {folder}.");
            return 2;
        }

        var replay = new UciReplay(UciReplay.Load(files), DateTimeOffset.UtcNow, truth: truth);
        schedule = replay.Records().Select(r => (r.At / options.Speedup, r.Record));
        break;
}

await using ISink sink = options.Api is { } api
    ? new HttpSink(api, options.Secret ?? string.Empty, options.ApiKey)
    : new KafkaSink(options.BootstrapServers!, stream => stream == Streams.Clickstream && options.Topic is { } topic ? topic : new KafkaTopics().ForStream(stream), settings: options.KafkaSettings);

var target = options.Api?.ToString() ?? options.BootstrapServers;
Console.WriteLine($"Sending {options.Mode} to {target} (seed {options.Seed}{(options.Mode == GeneratorOptions.ReplayUci ? $", {options.Speedup}x real time" : options.Rate > 0 ? $", {options.Rate}/s" : ", as fast as possible")}). Ctrl+C stops.");
var started = DateTime.UtcNow;
var run = Publisher.RunAsync(sink, schedule, options.Count, cancel.Token);
while (!run.IsCompleted)
{
    await Task.WhenAny(run, Task.Delay(1000));
    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
    Console.Write($"\rsent {sink.Sent,10:N0}  rate {sink.Sent / seconds,9:N0}/s  errors {sink.Failed:N0}   ");
}

var handed = await run;
Console.WriteLine();
Console.WriteLine($"Done: {handed:N0} records, {sink.Sent:N0} acknowledged, {sink.Failed:N0} failed, in {(DateTime.UtcNow - started).TotalSeconds:N1} s.");
if (truth is not null)
{
    await truth.WriteAsync(options.TruthFile!, CancellationToken.None);
    Console.WriteLine($"Ground truth for {truth.Snapshot().Count} variants written to {options.TruthFile}.");
}

return sink.Failed == 0 ? 0 : 1;
