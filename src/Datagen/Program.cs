using Confluent.Kafka;
using Retail.Datagen;
using Retail.Datagen.Clickstream;

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

using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
{
    BootstrapServers = options.BootstrapServers,
    LingerMs = 5,
    ClientId = "retail-datagen",
}).Build();
var publisher = new ClickstreamPublisher(producer, options.Topic, new ClickstreamGenerator(options.Seed));

Console.WriteLine($"Producing {options.Mode} to {options.Topic} at {options.BootstrapServers} (rate {(options.Rate > 0 ? $"{options.Rate}/s" : "unlimited")}, seed {options.Seed})");
var run = publisher.RunAsync(options.Rate, options.Count, cancel.Token);
var started = DateTime.UtcNow;
while (!run.IsCompleted)
{
    await Task.WhenAny(run, Task.Delay(1000));
    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
    Console.Write($"\rsent {publisher.Sent,10:N0}  rate {publisher.Sent / seconds,9:N0}/s  errors {publisher.Failed:N0}   ");
}

await run;
Console.WriteLine();
Console.WriteLine($"Done: {publisher.Sent:N0} sent, {publisher.Failed:N0} failed in {(DateTime.UtcNow - started).TotalSeconds:N1} s.");
return publisher.Failed == 0 ? 0 : 1;
