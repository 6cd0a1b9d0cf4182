namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// When a variant sells out, as a range: by <see cref="P10Date"/> one chance in ten, by <see cref="P50Date"/>
/// even odds, by <see cref="P90Date"/> nine in ten; <see cref="DaysOfInventoryP50"/> is the median days until
/// sold out. All <c>null</c> without a quantity or any sales signal.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SellThroughRange(
    [property: Id(0)] DateOnly? P10Date,
    [property: Id(1)] DateOnly? P50Date,
    [property: Id(2)] DateOnly? P90Date,
    [property: Id(3)] double? DaysOfInventoryP50)
{
    /// <summary>No forecast.</summary>
    public static SellThroughRange None { get; } = new(null, null, null, null);
}
