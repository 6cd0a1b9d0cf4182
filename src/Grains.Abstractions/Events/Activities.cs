namespace Retail.Grains.Abstractions.Events;

/// <summary>The clickstream activities the platform understands.</summary>
public static class Activities
{
    public const string ContentView = "contentView";
    public const string AddToCart = "addToCart";
    public const string Purchase = "purchase";
}
