using System.Buffers;
using System.Collections.Immutable;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.GeneratedCodeHelpers;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;
using Retail.Grains.Abstractions.Events;

namespace Retail.Grains.Abstractions.Variants;

/// <summary>
/// How <see cref="ProductVariantState"/> is saved: flat, field by field, as it was before the state grouped its
/// catalog and stock fields in memory, so saved states still read. An id here is never reused.
/// </summary>
[GenerateSerializer]
internal struct ProductVariantStateSurrogate
{
    [Id(0)] public ActivityCounts Activity;
    [Id(1)] public DateTimeOffset? UpdatedAt;
    [Id(2)] public long? ProductId;
    [Id(3)] public string? ProductTitle;
    [Id(4)] public string? VariantTitle;
    [Id(5)] public string? Vendor;
    [Id(6)] public string? Sku;
    [Id(7)] public decimal? BasePrice;
    [Id(8)] public long? InventoryQuantity;
    [Id(9)] public long? OldInventoryQuantity;
    [Id(10)] public long? InventoryItemId;
    [Id(11)] public DateTimeOffset? InventoryAsOf;
    [Id(12)] public ActivityWindow Views;
    [Id(13)] public ActivityWindow AddToCarts;
    [Id(14)] public ActivityWindow Purchases;
    [Id(15)] public SalesSignals Sales;

    // Written for versions that read them; this one takes them from the latest decision.
    [Id(16)] public decimal? DynamicPrice;
    [Id(17)] public DateTimeOffset? PriceChangedAt;
    [Id(18)] public ImmutableList<PriceDecision> RecentDecisions;
    [Id(19)] public SellThroughForecast? PublishedForecast;
    [Id(20)] public ImmutableDictionary<string, SourcePosition>? LegacyApplied;
    [Id(21)] public ImmutableArray<AppliedPosition> Applied;
}

/// <summary>
/// Writes <see cref="ProductVariantState"/> as its <see cref="ProductVariantStateSurrogate"/>, framed as the
/// generated serializer of a class frames it (an empty base part, then the fields), so the bytes are those
/// the state had when it was itself a generated type.
/// </summary>
[RegisterSerializer]
internal sealed class ProductVariantStateCodec(IValueSerializer<ProductVariantStateSurrogate> fields) : IFieldCodec<ProductVariantState>
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, ProductVariantState? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteStartObject(fieldIdDelta, expectedType, typeof(ProductVariantState));
        writer.WriteEndBase();
        var surrogate = ToSurrogate(value!);
        fields.Serialize(ref writer, ref surrogate);
        writer.WriteEndObject();
    }

    public ProductVariantState ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<ProductVariantState, TInput>(ref reader, field)!;
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        OrleansGeneratedCodeHelper.ConsumeEndBaseOrEndObject(ref reader);
        ProductVariantStateSurrogate surrogate = default;
        fields.Deserialize(ref reader, ref surrogate);
        var result = FromSurrogate(surrogate);
        ReferenceCodec.RecordObject(reader.Session, result, placeholder);
        return result;
    }

    private static ProductVariantState FromSurrogate(in ProductVariantStateSurrogate surrogate)
    {
        var catalog = new VariantCatalog(
            surrogate.ProductId,
            surrogate.ProductTitle,
            surrogate.VariantTitle,
            surrogate.Vendor,
            surrogate.Sku,
            surrogate.BasePrice,
            surrogate.InventoryItemId);
        return new ProductVariantState
        {
            Activity = surrogate.Activity ?? ActivityCounts.None,
            UpdatedAt = surrogate.UpdatedAt,
            Catalog = catalog == VariantCatalog.Empty ? null : catalog,
            // The time is always saved with the quantity; without one, any report is newer.
            Stock = surrogate.InventoryQuantity is { } quantity
                ? new StockLevel(quantity, surrogate.OldInventoryQuantity, surrogate.InventoryAsOf ?? DateTimeOffset.MinValue)
                : null,
            Views = surrogate.Views ?? ActivityWindow.Empty,
            AddToCarts = surrogate.AddToCarts ?? ActivityWindow.Empty,
            Purchases = surrogate.Purchases ?? ActivityWindow.Empty,
            Sales = surrogate.Sales ?? SalesSignals.None,
            RecentDecisions = surrogate.RecentDecisions ?? [],
            PublishedForecast = surrogate.PublishedForecast,
            Applied = surrogate.Applied.IsDefault ? [] : surrogate.Applied,
            LegacyApplied = surrogate.LegacyApplied,
        };
    }

    private static ProductVariantStateSurrogate ToSurrogate(ProductVariantState value) => new()
    {
        Activity = value.Activity,
        UpdatedAt = value.UpdatedAt,
        ProductId = value.Catalog?.ProductId,
        ProductTitle = value.Catalog?.ProductTitle,
        VariantTitle = value.Catalog?.VariantTitle,
        Vendor = value.Catalog?.Vendor,
        Sku = value.Catalog?.Sku,
        BasePrice = value.Catalog?.BasePrice,
        InventoryQuantity = value.Stock?.Quantity,
        OldInventoryQuantity = value.Stock?.OldQuantity,
        InventoryItemId = value.Catalog?.InventoryItemId,
        InventoryAsOf = value.Stock?.AsOf,
        Views = value.Views,
        AddToCarts = value.AddToCarts,
        Purchases = value.Purchases,
        Sales = value.Sales,
        DynamicPrice = value.DynamicPrice,
        PriceChangedAt = value.PriceChangedAt,
        RecentDecisions = value.RecentDecisions,
        PublishedForecast = value.PublishedForecast,
        LegacyApplied = value.LegacyApplied ?? AppliedPosition.Keyed(value.Applied),
        Applied = value.Applied,
    };
}
