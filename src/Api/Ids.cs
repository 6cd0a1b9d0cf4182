using System.Globalization;

namespace Retail.Api;

/// <summary>Shopify ids in routes: positive 64-bit integers, parsed exactly.</summary>
internal static class Ids
{
    public static bool TryParse(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static ProblemHttpResult Invalid(string kind, string text) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"Invalid {kind} id",
            detail: $"'{text}' is not a {kind} id; expected a positive 64-bit integer.");
}
