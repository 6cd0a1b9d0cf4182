using Microsoft.AspNetCore.Authorization;
using Retail.Api.Ingest;

namespace Retail.Api.Security;

/// <summary>The authorization policies that the endpoint groups and the dashboard require.</summary>
public static class AccessPolicies
{
    /// <summary>
    /// The operator surface (dashboard, metrics, system): the API key or the operator's Basic credentials; in the
    /// Development environment, or from this machine in a local trial (<see cref="LocalTrialAccess"/>), no credentials.
    /// </summary>
    public const string Operator = "operator";

    /// <summary>Clickstream ingest: the API key when <c>Api:Key</c> is set, otherwise open.</summary>
    public const string Ingest = "ingest";

    internal static IServiceCollection AddRetailAccess(this IServiceCollection services)
    {
        services.AddSingleton<LocalTrialAccess>();
        services.AddAuthentication(CredentialsAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CredentialsAuthenticationHandler>(CredentialsAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, OperatorAccessHandler>();
        services.AddSingleton<IAuthorizationHandler, IngestAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Operator, policy => policy.AddRequirements(new OperatorRequirement()))
            .AddPolicy(Ingest, policy => policy.AddRequirements(new IngestRequirement()));
        return services;
    }

    internal sealed class OperatorRequirement : IAuthorizationRequirement;

    internal sealed class IngestRequirement : IAuthorizationRequirement;

    private sealed class OperatorAccessHandler(IHostEnvironment environment, LocalTrialAccess localTrial) : AuthorizationHandler<OperatorRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
        {
            if (context.User.IsInRole(CredentialsAuthenticationHandler.ApiKeyRole)
                || context.User.IsInRole(CredentialsAuthenticationHandler.OperatorRole)
                || environment.IsDevelopment()
                || (context.Resource is HttpContext http && localTrial.Admits(http)))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class IngestAccessHandler(ApiKeyCheck apiKey) : AuthorizationHandler<IngestRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IngestRequirement requirement)
        {
            if (!apiKey.Required || context.User.IsInRole(CredentialsAuthenticationHandler.ApiKeyRole))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
