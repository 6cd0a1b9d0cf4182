namespace Retail.Shopify.Admin;

/// <summary>A mutation's <c>userErrors</c> entry: the input was refused, and sending it again would not help.</summary>
public sealed record UserError(string Message, string? Field, string? Code)
{
    public override string ToString() => Code is null ? Message : $"{Code}: {Message}" + (Field is null ? string.Empty : $" ({Field})");
}
