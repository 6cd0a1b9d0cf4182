using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Retail.ServiceDefaults;

/// <summary>
/// A request the framework cannot bind (a route or query value of the wrong type) answers 400 with problem
/// details naming the parameter and the value; a value that binds but breaks a validation attribute answers 400
/// with the attribute's message as the detail, beside the per-parameter errors. Neither is logged as an error.
/// </summary>
internal sealed class BadRequests(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        });
    }

    /// <summary>Gives a validation problem a detail: the messages of its errors.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails { Detail: null, Errors.Count: > 0 } validation)
        {
            validation.Detail = string.Join(" ", validation.Errors.SelectMany(error => error.Value));
        }
    }
}
