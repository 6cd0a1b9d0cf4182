using System.Globalization;
using Retail.Generators.Records;
using Retail.Generators.Truth;
using Retail.Grains.Abstractions.Events;

namespace Retail.Generators.Clickstream;

/// <summary>
/// Emulates the seed pipeline's datagen clickstream: the same fields, a fixed set of 17 variants, 5 users and
/// about 40 addresses (a few invalid), and a contentView-heavy activity mix. The same seed gives the same events.
/// </summary>
public sealed class ClickstreamGenerator(int seed, TimeProvider? timeProvider = null, GroundTruth? truth = null)
{
    /// <summary>The 17 variant ids the generator picks from: 14-digit Shopify-style ids.</summary>
    public static IReadOnlyList<long> VariantIds { get; } =
    [
        40172031311917, 40172031344685, 40172031377453, 40172031410221, 40172031442989,
        40172031475757, 40172031508525, 40172031541293, 40172031574061, 40172031606829,
        40172031639597, 40172031672365, 40172031705133, 40172031737901, 40172031770669,
        40172031803437, 40172031836205,
    ];

    private static readonly long[] UserIds = [1644276582001, 1644276582002, 1644276582003, 1644276582004, 1644276582005];

    private static readonly string[] Ips = BuildIps();


    private readonly Random _random = new(seed);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Endless events, as records.</summary>
    public IEnumerable<OutboundRecord> Records()
    {
        while (true)
        {
            var click = Next();
            truth?.Activity(click.VariantId, click.Activity);
            yield return new OutboundRecord(Streams.Clickstream, click.VariantId.ToString(CultureInfo.InvariantCulture), click.Value);
        }
    }

    /// <summary>The next event, as the record value the seed's datagen would write.</summary>
    public GeneratedClick Next()
    {
        var variantId = VariantIds[_random.Next(VariantIds.Count)];
        var roll = _random.Next(100);
        var activity = roll < 70 ? Activities.ContentView : roll < 90 ? Activities.AddToCart : Activities.Purchase;
        var userId = UserIds[_random.Next(UserIds.Length)];
        var ip = Ips[_random.Next(Ips.Length)];
        var now = _time.GetUtcNow();
        return new GeneratedClick(variantId, activity, Write(ip, userId, now, variantId, activity));
    }

    private static byte[] Write(string ip, long userId, DateTimeOffset now, long variantId, string activity) =>
        Json.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ip"u8, ip);
            writer.WriteNumber("userid"u8, userId);
            writer.WriteString("time"u8, now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000");
            writer.WriteNumber("_time"u8, now.ToUnixTimeMilliseconds());
            writer.WriteNumber("product_variant_id"u8, variantId);
            writer.WriteString("activity"u8, activity);
            writer.WriteEndObject();
        });

    private static string[] BuildIps()
    {
        // Ten addresses in each of the seed's four ranges; the last of each range has an octet above 255.
        var ips = new List<string>();
        foreach (var first in new[] { 111, 122, 222, 233 })
        {
            for (var i = 0; i < 9; i++)
            {
                ips.Add(string.Create(CultureInfo.InvariantCulture, $"{first}.{(i * 27) + 3}.{(i * 41) % 250}.{(i * 13) + 7}"));
            }

            ips.Add(string.Create(CultureInfo.InvariantCulture, $"{first}.256.1.1"));
        }

        return [.. ips];
    }
}
