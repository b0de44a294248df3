namespace Migration.Identity.Login;

/// <summary>The staff member's session at the identity service (a cookie), between the login page and the authorization endpoint.</summary>
public static class LoginCookie
{
    public const string Scheme = "staff-login";
    public const string LoginPath = "/account/login";
}
