using System.Collections.Immutable;
using Retail.Grains.Abstractions.Events;
using Retail.Grains.Abstractions.Inventory;
using Retail.Grains.Abstractions.Products;
using Retail.Grains.ExactlyOnce;

namespace Retail.UnitTests.ExactlyOnce;

public class AppliedPositionsTests
{
    private static readonly ImmutableArray<AppliedPosition> None = [];

    [Fact]
    public void A_redelivered_event_is_recognised_and_a_later_one_is_not()
    {
        Assert.True(AppliedPositions.TryAdvance(None, "clickstream", new SourcePosition(2, 10, 0), out var applied));

        Assert.False(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 10, 0), out _));
        Assert.False(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 9, 3), out _));
        Assert.True(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 10, 1), out _));
        Assert.True(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 11, 0), out _));
    }

    [Fact]
    public void Partitions_and_namespaces_are_tracked_apart()
    {
        AppliedPositions.TryAdvance(None, "clickstream", new SourcePosition(2, 10, 0), out var applied);

        Assert.True(AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(3, 1, 0), out _));
        Assert.True(AppliedPositions.TryAdvance(applied, "sales", new SourcePosition(2, 1, 0), out _));
    }

    [Fact]
    public void Events_without_a_position_are_always_applied()
    {
        Assert.True(AppliedPositions.TryAdvance(None, "clickstream", SourcePosition.None, out var applied));
        Assert.Empty(applied);
    }

    [Fact]
    public void A_delivery_follows_on_only_when_the_streams_previous_record_is_applied()
    {
        AppliedPositions.TryAdvance(None, "clickstream", new SourcePosition(2, 10, 0), out var applied);

        Assert.True(AppliedPositions.Follows(applied, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: 10));
        Assert.True(AppliedPositions.Follows(applied, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: 7));
        // Offset 12 went to an activation that was lost before it persisted.
        Assert.False(AppliedPositions.Follows(applied, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: 12));
        Assert.False(AppliedPositions.Follows(None, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: 12));
        Assert.False(AppliedPositions.Follows(applied, "clickstream", new SourcePosition(3, 15, 0), precedingOffset: 10));
    }

    [Fact]
    public void Without_a_known_predecessor_or_position_nothing_can_be_said()
    {
        Assert.Null(AppliedPositions.Follows(None, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: null));
        Assert.Null(AppliedPositions.Follows(None, "clickstream", new SourcePosition(2, 15, 0), precedingOffset: -1));
        Assert.Null(AppliedPositions.Follows(None, "clickstream", SourcePosition.None, precedingOffset: 12));
    }

    [Fact]
    public void A_state_that_never_had_positions_reads_as_none_applied()
    {
        Assert.True(AppliedPositions.TryAdvance(default, "clickstream", new SourcePosition(2, 10, 0), out var applied));
        Assert.Equal([new AppliedPosition("clickstream", new SourcePosition(2, 10, 0))], applied.ToArray());
        Assert.False(AppliedPositions.Covers(default, "clickstream", new SourcePosition(2, 10, 0)));
    }

    [Fact]
    public void Each_partition_keeps_one_position_the_latest()
    {
        AppliedPositions.TryAdvance(None, "clickstream", new SourcePosition(2, 10, 0), out var applied);
        AppliedPositions.TryAdvance(applied, "sales", new SourcePosition(2, 4, 0), out applied);
        AppliedPositions.TryAdvance(applied, "clickstream", new SourcePosition(2, 12, 1), out applied);

        Assert.Equal(
            [new AppliedPosition("clickstream", new SourcePosition(2, 12, 1)), new AppliedPosition("sales", new SourcePosition(2, 4, 0))],
            applied.ToArray());
    }
}
