using System.Net.Http.Json;
using Retail.Grains.Abstractions.Variants;

namespace Retail.IntegrationTests.Infrastructure;

internal static class ApiReads
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The variant as the API shows it, or <c>null</c> while it answers 404.</summary>
    public static async Task<VariantSnapshot?> VariantAsync(this HttpClient http, long variantId)
    {
        var response = await http.GetAsync(new Uri($"/api/variants/{variantId}", UriKind.Relative));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<VariantSnapshot>() : null;
    }

    /// <summary>Waits until the variant satisfies <paramref name="done"/>.</summary>
    public static async Task<VariantSnapshot> WaitForVariantAsync(this HttpClient http, long variantId, Func<VariantSnapshot, bool> done, string what) =>
        (await Eventually.GetAsync(() => http.VariantAsync(variantId), s => s is not null && done(s), Patience, $"variant {variantId}: {what}"))!;
}
