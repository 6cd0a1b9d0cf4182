using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Retail.Generators.Records;

namespace Retail.Generators.Output;

/// <summary>
/// Sends records through the platform's HTTP ingest: clickstream in NDJSON batches to <c>/api/clickstream</c>,
/// and everything else as Shopify would, to <c>/webhooks/shopify</c>, signed with the webhook secret.
/// </summary>
public sealed class HttpSink : ISink
{
    private const int BatchSize = 500;
    private readonly HttpClient _http;
    private readonly string _secret;
    private readonly SemaphoreSlim _inFlight = new(8);
    private readonly List<Task> _pending = [];
    private readonly List<OutboundRecord> _batch = [];
    private long _sent;
    private long _failed;

    public HttpSink(Uri api, string secret, string? apiKey)
    {
        _http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        _secret = secret;
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public async ValueTask SendAsync(OutboundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Stream == Streams.Clickstream)
        {
            _batch.Add(record);
            if (_batch.Count >= BatchSize)
            {
                await StartAsync(SendBatchAsync([.. _batch]), cancellationToken);
                _batch.Clear();
            }

            return;
        }

        await StartAsync(SendWebhookAsync(record), cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count > 0)
        {
            await StartAsync(SendBatchAsync([.. _batch]), cancellationToken);
            _batch.Clear();
        }

        await Task.WhenAll(_pending);
        _pending.Clear();
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _inFlight.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        _pending.RemoveAll(t => t.IsCompleted);
        _pending.Add(Task.Run(async () =>
        {
            try
            {
                await send();
            }
            finally
            {
                _inFlight.Release();
            }
        }, CancellationToken.None));
    }

    private Func<Task> SendBatchAsync(List<OutboundRecord> batch) => async () =>
    {
        var body = new ByteArrayContent([.. batch.SelectMany(r => r.Value.Append((byte)'\n'))]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        await CountAsync(() => _http.PostAsync(new Uri("/api/clickstream", UriKind.Relative), body), batch.Count);
    };

    private Func<Task> SendWebhookAsync(OutboundRecord record) => async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/shopify", UriKind.Relative))
        {
            Content = new ByteArrayContent(record.Value),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", record.Stream);
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Shop-Domain", "retail-datagen.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), record.Value)));
        await CountAsync(() => _http.SendAsync(request), 1);
    };

    private async Task CountAsync(Func<Task<HttpResponseMessage>> send, int records)
    {
        try
        {
            using var response = await send();
            Interlocked.Add(ref response.IsSuccessStatusCode ? ref _sent : ref _failed, records);
        }
        catch (HttpRequestException)
        {
            Interlocked.Add(ref _failed, records);
        }
        catch (TaskCanceledException)
        {
            Interlocked.Add(ref _failed, records);
        }
    }
}
