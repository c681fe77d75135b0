using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace RelGen.Tests.Testing;

/// <summary>What the tests of the throwaway servers look at from outside: processes, and one-line queries.</summary>
internal static class ServerProcesses
{
    /// <summary>A zombie (exited, not yet reaped by init) is not running.</summary>
    public static bool IsRunning(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
    }

    /// <summary>
    /// The running processes whose command line or working directory holds <paramref name="text"/> (a server's folder, say:
    /// a postmaster that pg_ctl restarted has its folder only as its working directory, even once the folder is deleted).
    /// </summary>
    public static List<int> Mentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => (CommandLine(pid).Contains(text, StringComparison.Ordinal) || WorkingDirectory(pid).Contains(text, StringComparison.Ordinal)) && IsRunning(pid))];

    public static int PidInFile(string path) => int.Parse(File.ReadLines(path).First().Trim(), CultureInfo.InvariantCulture);

    /// <summary>Exited and reaped, so no process has this id (unless the system hands it out again at once).</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync<T>(connection, sql);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    static string WorkingDirectory(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/cwd").LinkTarget ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
