using RelGen.Metadata;

namespace RelGen.Save;

/// <summary>
/// The columns a set-based write (an upsert, a bulk update: one array parameter per column, <c>unnest</c> into rows) can
/// carry. An array column cannot travel that way, and is refused by name before anything is sent rather than failing in
/// the driver.
/// </summary>
internal static class SetBasedColumns
{
    public static void Check<T>(ModelDescriptor<T> model, IEnumerable<ColumnDescriptor<T>> columns, string method)
        where T : class, IModel<T>
    {
        foreach (var column in columns)
        {
            if (!column.FitsInAnArrayParameter)
                throw new NotSupportedException(
                    $"{method} cannot write the array column {column}: it sends each column as one array parameter, and a PostgreSQL array is rectangular, so it cannot hold one array per row. Save those {model.Name} objects one by one (SaveAsync), or leave the column out of the update. Nothing was sent.");
        }
    }
}
