namespace Migration.ServiceDefaults.Auth;

/// <summary>Claim types of the program's tokens (JWT names, not the SOAP-era URIs).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Role = "role";

    /// <summary>The KATO oblast code the caller works in, or <c>*</c> for every oblast.</summary>
    public const string Oblast = "oblast";

    /// <summary>A senior finance officer's personal approval limit in KZT, as the identity provider keeps it.</summary>
    public const string ApprovalLimit = "approval_limit";

    /// <summary>The API scopes granted to the token (space-separated, or one claim per scope).</summary>
    public const string Scope = "scope";
}
