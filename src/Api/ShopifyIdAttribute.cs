using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Retail.Api;

/// <summary>
/// A Shopify id in a route: a positive 64-bit integer. A value that is no integer at all already fails binding;
/// this rejects zero and negatives, and says which value it was.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
internal sealed class ShopifyIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is long id && id > 0
            ? ValidationResult.Success
            : new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"{validationContext.DisplayName} must be a positive 64-bit integer, a Shopify id; got {value}."),
                validationContext.MemberName is { } member ? [member] : null);
}
