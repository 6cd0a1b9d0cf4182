using System.Text;
using Retail.Api.Ingest;

namespace Retail.UnitTests.Ingest;

public class ClickstreamSplitTests
{
    private static List<string> Split(string body, int max = 100)
    {
        Assert.True(ClickstreamApi.TrySplit(Encoding.UTF8.GetBytes(body), max, out var events, out var error), error);
        return events.Select(e => Encoding.UTF8.GetString(e.Span)).ToList();
    }

    [Fact]
    public void Splits_a_json_array_into_its_elements()
    {
        Assert.Equal(["""{"a":1}""", """{"b":[1,2]}""", "7"], Split("""  [ {"a":1}, {"b":[1,2]}, 7 ]"""));
    }

    [Fact]
    public void Splits_ndjson_skipping_blank_lines_and_carriage_returns()
    {
        Assert.Equal(["""{"a":1}""", """{"b":2}""", "not json"], Split("{\"a\":1}\r\n\n  {\"b\":2}  \nnot json\n"));
    }

    [Theory]
    [InlineData("", "The body is empty.")]
    [InlineData("   \n ", "The body is empty.")]
    [InlineData("[]", "The body holds no events.")]
    [InlineData("[1,", "The body is not a valid JSON array")]
    [InlineData("[1,2,3]", "More than 2 events in one request.")]
    [InlineData("1\n2\n3", "More than 2 events in one request.")]
    public void Refuses_empty_broken_or_oversized_batches(string body, string error)
    {
        Assert.False(ClickstreamApi.TrySplit(Encoding.UTF8.GetBytes(body), 2, out _, out var reason));
        Assert.StartsWith(error, reason, StringComparison.Ordinal);
    }
}
