using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Migration.Identity.Storage;

/// <summary>
/// The keys tokens are signed with (RSA 2048, published in the JWKS for the services) and encrypted with (AES-256, for
/// authorization codes and refresh tokens, which only this service reads). Created at first start and kept in the
/// database, so every instance and every restart signs with the same keys and earlier tokens stay valid. Two instances
/// starting at once both try to insert; the second insert is ignored and both read the first.
/// </summary>
public sealed record KeyRing(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    private const string SigningPurpose = "signing-rsa";
    private const string EncryptionPurpose = "encryption-aes";

    public static async Task<KeyRing> LoadOrCreate(IdentityDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var signingPem = await Ensure(database, SigningPurpose, rsa.ExportPkcs8PrivateKeyPem(), clock, cancellationToken);
        var encryption = await Ensure(database, EncryptionPurpose, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), clock, cancellationToken);

        var signing = RSA.Create();
        signing.ImportFromPem(signingPem);
        var key = new RsaSecurityKey(signing) { KeyId = Convert.ToHexString(SHA256.HashData(signing.ExportRSAPublicKey()))[..16] };
        return new KeyRing(key, new SymmetricSecurityKey(Convert.FromBase64String(encryption)));
    }

    private static async Task<string> Ensure(IdentityDatabase database, string purpose, string candidate, TimeProvider clock, CancellationToken cancellationToken)
    {
        await database.Database.ExecuteSqlInterpolatedAsync(
            $"""insert into "Keys" ("Purpose", "Value", "CreatedAt") values ({purpose}, {candidate}, {clock.GetUtcNow()}) on conflict ("Purpose") do nothing""",
            cancellationToken);
        return (await database.Keys.AsNoTracking().SingleAsync(k => k.Purpose == purpose, cancellationToken)).Value;
    }
}
