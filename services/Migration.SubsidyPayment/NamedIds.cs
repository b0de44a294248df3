using System.Security.Cryptography;
using System.Text;

namespace Migration.SubsidyPayment;

/// <summary>
/// Stream ids derived from a natural key ("budget-line/2005/republican/61", "recovery/{case}"): the same key always
/// gives the same id, so a second "open" collides on the stream id (answered 409) even when two requests race.
/// </summary>
public static class NamedIds
{
    public static Guid Of(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // name-based version
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(bytes);
    }
}
