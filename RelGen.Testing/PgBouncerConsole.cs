using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace RelGen.Testing;

/// <summary>
/// A minimal client for PgBouncer's admin console (the <c>pgbouncer</c> database): the console
/// speaks only the simple query protocol, which Npgsql never uses (it answers Npgsql with
/// "extended query protocol not supported by admin console"). Trust authentication only, as
/// the throwaway PgBouncer is configured; every value comes back as text.
/// </summary>
internal static class PgBouncerConsole
{
    const int ProtocolVersion3 = 196608;

    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(
        int port, string user, string command, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(StartupMessage(user), cancellationToken).ConfigureAwait(false);
            await ReadUntilReadyAsync(stream, rows: null, cancellationToken).ConfigureAwait(false);

            await stream.WriteAsync(Message('Q', CString(command)), cancellationToken).ConfigureAwait(false);
            var rows = new List<IReadOnlyDictionary<string, string?>>();
            await ReadUntilReadyAsync(stream, rows, cancellationToken).ConfigureAwait(false);

            await stream.WriteAsync(Message('X', []), cancellationToken).ConfigureAwait(false);
            return rows;
        }
    }

    static byte[] StartupMessage(string user)
    {
        byte[] body = [.. Int32(ProtocolVersion3), .. CString("user"), .. CString(user), .. CString("database"), .. CString("pgbouncer"), 0];
        return [.. Int32(body.Length + 4), .. body];
    }

    /// <summary>Reads messages up to ReadyForQuery, collecting data rows into <paramref name="rows"/>.</summary>
    static async Task ReadUntilReadyAsync(NetworkStream stream, List<IReadOnlyDictionary<string, string?>>? rows, CancellationToken cancellationToken)
    {
        string[] columns = [];
        while (true)
        {
            byte[] header = new byte[5];
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            byte[] body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            switch ((char)header[0])
            {
                case 'R' when BinaryPrimitives.ReadInt32BigEndian(body) != 0:
                    throw new InvalidOperationException("PgBouncer's admin console asked for a password; the throwaway PgBouncer trusts its clients.");
                case 'E':
                    throw new InvalidOperationException($"PgBouncer's admin console refused the command: {ErrorText(body)}");
                case 'T':
                    columns = ReadColumnNames(body);
                    break;
                case 'D':
                    rows?.Add(ReadRow(body, columns));
                    break;
                case 'Z':
                    return;
                default:
                    break;   // AuthenticationOk, ParameterStatus, BackendKeyData, CommandComplete, notices.
            }
        }
    }

    static string[] ReadColumnNames(ReadOnlySpan<byte> body)
    {
        var names = new string[BinaryPrimitives.ReadInt16BigEndian(body)];
        int at = 2;
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = ReadCString(body, ref at);
            at += 18;   // table oid, column number, type oid, type size, type modifier, format code.
        }
        return names;
    }

    static Dictionary<string, string?> ReadRow(ReadOnlySpan<byte> body, string[] columns)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        int count = BinaryPrimitives.ReadInt16BigEndian(body);
        int at = 2;
        for (int i = 0; i < count; i++)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(body[at..]);
            at += 4;
            row[i < columns.Length ? columns[i] : $"column{i}"] = length < 0 ? null : Encoding.UTF8.GetString(body.Slice(at, length));
            at += Math.Max(length, 0);
        }
        return row;
    }

    // Fields are a type byte and a string each, up to a zero byte; 'M' is the message.
    static string ErrorText(ReadOnlySpan<byte> body)
    {
        int at = 0;
        string message = "(no message)";
        while (at < body.Length && body[at] != 0)
        {
            byte type = body[at++];
            string value = ReadCString(body, ref at);
            if (type == (byte)'M')
                message = value;
        }
        return message;
    }

    static string ReadCString(ReadOnlySpan<byte> body, ref int at)
    {
        int end = body[at..].IndexOf((byte)0);
        string value = Encoding.UTF8.GetString(body.Slice(at, end));
        at += end + 1;
        return value;
    }

    static byte[] Message(char type, byte[] body) => [(byte)type, .. Int32(body.Length + 4), .. body];

    static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    static byte[] Int32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
