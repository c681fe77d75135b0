using Npgsql;
using RelGen.Metadata;

namespace RelGen.Migrations;

/// <summary>
/// Runs <c>MigrateAsync</c> on one connection of its own: takes the advisory lock, creates the history table (adopting
/// a database made without migrations, see <see cref="SchemaAdoption"/>), checks every applied migration's checksum,
/// then rolls back and applies, each migration in its own transaction together with its history row.
/// Everything that can be refused is refused before the first change.
/// </summary>
internal sealed class Migrator
{
    /// <summary>The target that means "before the first migration": roll back everything.</summary>
    public const string Initial = "0";

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<MigrationDescriptor> _migrations;
    private readonly Action<string> _log;

    public Migrator(NpgsqlDataSource dataSource, IReadOnlyList<MigrationDescriptor> migrations, Action<string> log)
    {
        _dataSource = dataSource;
        _migrations = migrations.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        _log = log;
        for (var i = 1; i < _migrations.Count; i++)
        {
            if (_migrations[i].Name == _migrations[i - 1].Name)
                throw new ArgumentException($"Migration {_migrations[i].Name} is given twice.", nameof(migrations));
        }
    }

    public async Task<MigrationResult> RunAsync(string? target, CancellationToken cancellationToken)
    {
        if (target is not null && target != Initial && !_migrations.Any(m => m.Name == target))
            throw new MigrationNotFoundException(target, $"No migration named {target} among the loaded assemblies' migrations"
                + (_migrations.Count == 0 ? " (there are none)." : $" ({_migrations[0].Name} … {_migrations[^1].Name}).")
                + $" Use \"{Initial}\" to roll back every migration.");
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await WrapAsync(null, false, () => MigrationLock.AcquireAsync(connection, _log, cancellationToken)).ConfigureAwait(false);
        MigrationResult result;
        try
        {
            result = await RunLockedAsync(connection, target, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await TryReleaseAsync(connection).ConfigureAwait(false);
            throw;
        }
        await WrapAsync(null, false, () => MigrationLock.ReleaseAsync(connection, _log)).ConfigureAwait(false);
        return result;
    }

    private async Task<MigrationResult> RunLockedAsync(NpgsqlConnection connection, string? target, CancellationToken cancellationToken)
    {
        var history = new MigrationHistory(await CurrentSchemaAsync(connection, cancellationToken).ConfigureAwait(false));
        IReadOnlyList<MigrationDescriptor> adopted = [];
        if (!await WrapAsync(null, false, () => history.ExistsAsync(connection, _log, cancellationToken)).ConfigureAwait(false))
        {
            if (history.Schema is not null)
                adopted = await WrapAsync(null, false, () => SchemaAdoption.FindAppliedAsync(connection, history.Schema, _migrations, _log, cancellationToken)).ConfigureAwait(false);
            await WrapAsync(null, false, () => CreateHistoryAsync(connection, history, adopted, cancellationToken)).ConfigureAwait(false);
        }
        var applied = await WrapAsync(null, false, () => history.ReadAsync(connection, _log, cancellationToken)).ConfigureAwait(false);
        foreach (var migration in _migrations)
        {
            if (applied.TryGetValue(migration.Name, out var checksum) && checksum != migration.Checksum)
                throw new MigrationChecksumException(migration.Name, checksum, migration.Checksum);
        }

        var (rollBack, apply) = Plan(target, applied);
        var rolledBack = new List<string>();
        foreach (var migration in rollBack)
        {
            await RunOneAsync(connection, history, migration, rollingBack: true, cancellationToken).ConfigureAwait(false);
            rolledBack.Add(migration.Name);
        }
        var appliedNow = new List<string>();
        foreach (var migration in apply)
        {
            await RunOneAsync(connection, history, migration, rollingBack: false, cancellationToken).ConfigureAwait(false);
            appliedNow.Add(migration.Name);
        }
        return new MigrationResult(adopted.Select(m => m.Name).ToList(), rolledBack, appliedNow);
    }

    /// <summary>
    /// Without a target: every migration not applied yet, in order (one that sorts before an applied one too, as after
    /// a merge). With one: the applied migrations after it are rolled back, latest first, then the ones up to it applied.
    /// Unapplied migrations that are not loaded are left alone when applying; rolling one back is refused.
    /// </summary>
    private (List<MigrationDescriptor> RollBack, List<MigrationDescriptor> Apply) Plan(string? target, Dictionary<string, string> applied)
    {
        if (target is null)
            return ([], _migrations.Where(m => !applied.ContainsKey(m.Name)).ToList());
        var rollBack = new List<MigrationDescriptor>();
        foreach (var name in applied.Keys.Where(n => target == Initial || string.CompareOrdinal(n, target) > 0).OrderByDescending(n => n, StringComparer.Ordinal))
        {
            var migration = _migrations.FirstOrDefault(m => m.Name == name)
                ?? throw new MigrationNotFoundException(name, $"Cannot roll back to {target}: applied migration {name} is not among the loaded assemblies' migrations, so its down SQL is unknown. Nothing was rolled back.");
            if (migration.DownSql is null)
                throw new MigrationDownMissingException(name, target);
            rollBack.Add(migration);
        }
        var apply = target == Initial
            ? []
            : _migrations.Where(m => !applied.ContainsKey(m.Name) && string.CompareOrdinal(m.Name, target) <= 0).ToList();
        return (rollBack, apply);
    }

    private async Task RunOneAsync(NpgsqlConnection connection, MigrationHistory history, MigrationDescriptor migration, bool rollingBack,
        CancellationToken cancellationToken)
    {
        var sql = rollingBack ? migration.DownSql! : migration.UpSql;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(sql))
            {
                _log(sql);
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var record = rollingBack
                ? history.Delete(connection, transaction, migration.Name)
                : history.Insert(connection, transaction, migration.Name, migration.Checksum))
            {
                _log(record.CommandText);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationFailedException(migration.Name, rollingBack, e);
        }
    }

    private async Task CreateHistoryAsync(NpgsqlConnection connection, MigrationHistory history, IReadOnlyList<MigrationDescriptor> adopted,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        _log(history.CreateSql);
        await using (var create = new NpgsqlCommand(history.CreateSql, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        foreach (var migration in adopted)
        {
            await using var insert = history.Insert(connection, transaction, migration.Name, migration.Checksum);
            _log(insert.CommandText);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> CurrentSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = "SELECT current_schema()";
        _log(sql);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private async Task TryReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            await MigrationLock.ReleaseAsync(connection, _log).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken or busy: the lock ends with its session, and the pool resets the
            // connection (DISCARD ALL releases advisory locks) before anyone else uses it. The first error stands.
        }
    }

    /// <summary>PostgreSQL errors of RelGen's own bookkeeping (lock, history, adoption) become <see cref="MigrationFailedException"/> too.</summary>
    private static async Task<T> WrapAsync<T>(string? migration, bool rollingBack, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new MigrationFailedException(migration, rollingBack, e);
        }
    }

    private static Task WrapAsync(string? migration, bool rollingBack, Func<Task> action)
        => WrapAsync(migration, rollingBack, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });
}
