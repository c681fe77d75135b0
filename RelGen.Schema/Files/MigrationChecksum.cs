using System.Security.Cryptography;
using System.Text;

namespace RelGen.Schema.Files;

/// <summary>
/// The checksum <c>MigrateAsync</c> records for an applied migration: SHA-256 of its up SQL with <c>\n</c> line
/// ends, lower-case hex. The runtime computes the same (RelGen.Runtime's MigrationChecksum); a test keeps them equal.
/// </summary>
public static class MigrationChecksum
{
    public static string Of(string upSql)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(MigrationFile.Normalize(upSql)));
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
