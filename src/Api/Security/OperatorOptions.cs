namespace Retail.Api.Security;

/// <summary>Who may use the operator surface (dashboard, metrics, system), bound from <c>Operator</c>.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Basic-auth user name; with <see cref="Password"/>, one way in besides <c>Api:Key</c>.</summary>
    public string? User { get; set; }

    /// <summary>Basic-auth password. Never committed; set it through the environment.</summary>
    public string? Password { get; set; }

    /// <summary>Whether both halves of the Basic credentials are set.</summary>
    public bool BasicCredentialsSet => !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);
}
