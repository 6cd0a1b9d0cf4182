namespace Retail.Shopify.Admin;

/// <summary>A mutation's <c>userErrors</c> entry: the input was refused, and sending it again would not help.</summary>
public sealed record UserError(string Message, string? Field, string? Code)
{
    /// <summary>The index into the input list <paramref name="list"/> that <see cref="Field"/> names (<c>variants.2.price</c> gives 2), if any.</summary>
    public int? InputIndex(string list)
    {
        var parts = Field?.Split('.') ?? [];
        return parts.Length > 1 && parts[0] == list && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    public override string ToString() => Code is null ? Message : $"{Code}: {Message}" + (Field is null ? string.Empty : $" ({Field})");
}
