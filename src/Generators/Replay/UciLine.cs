using System.Globalization;

namespace Retail.Generators.Replay;

/// <summary>One line of the UCI Online Retail data: a sale, or with an invoice starting 'C', a cancellation.</summary>
public sealed record UciLine(string Invoice, string StockCode, string Description, int Quantity, DateTime InvoiceDate, decimal UnitPrice)
{
    /// <summary>A cancelled sale: the units come back.</summary>
    public bool IsCancellation => Invoice.StartsWith('C');

    /// <summary>Parses <c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>.</summary>
    public static UciLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = SplitCsv(line);
        if (fields.Count < 6)
        {
            throw new FormatException($"Expected 8 columns, found {fields.Count}: {line}");
        }

        return new UciLine(
            fields[0],
            fields[1],
            fields[2],
            int.Parse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            DateTime.ParseExact(fields[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            decimal.Parse(fields[5], NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    /// <summary>Splits a CSV line, honouring double-quoted fields (descriptions may hold commas).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
