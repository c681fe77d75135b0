using System.Security.Cryptography;
using System.Text;

namespace RelGen.Migrations;

/// <summary>The checksum recorded with an applied migration: SHA-256 of its up SQL, line ends normalised, lower-case hex.</summary>
internal static class MigrationChecksum
{
    public static string Of(string upSql)
    {
        // A checkout with Windows line ends must not look like an edit.
        var normalized = upSql.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized))).ToLowerInvariant();
    }
}
