using Npgsql;
using RelGen.Execution;
using RelGen.Query;

namespace RelGen;

public sealed partial class RelGenDatabase
{
    /// <summary>
    /// Runs raw SQL in this flow's transaction (when there is one) and reads every row as a <typeparamref name="T"/>. Every
    /// hole of the interpolated string is sent as a parameter, never spliced into the text:
    /// <c>db.QueryAsync&lt;Article&gt;($"SELECT * FROM article WHERE headline = {h}")</c>. A model is read by its generated
    /// reader (by column name, so the objects lazy-load and save like any other); any other type (a record, a class, a
    /// scalar, a value tuple) by Dapper, <c>snake_case</c> columns matching <c>PascalCase</c> members, with
    /// <see cref="DateOnly"/> and <see cref="TimeOnly"/> supported.
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(FormattableString sql, CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(DatabaseOperation.Sql, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = RawCommand.Create(this, lease, sql);
            await using var reader = await lease.ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            var read = RawRows<T>.Reader(reader, this);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(read(reader));
            }
            return rows;
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a raw SQL command in this flow's transaction (when there is one), every hole of the interpolated string a
    /// parameter; returns the number of rows it changed: <c>db.ExecuteAsync($"UPDATE article SET views = 0 WHERE reporter_id = {id}")</c>.
    /// </summary>
    public async Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(DatabaseOperation.Sql, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = RawCommand.Create(this, lease, sql);
            return await lease.ExecuteNonQueryAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (lease.Translate(e, cancellationToken) is { } error)
        {
            throw error;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }
}
