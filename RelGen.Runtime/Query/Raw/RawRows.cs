using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>
/// How a raw query's rows become <typeparamref name="T"/>s: a model by its generated reader (its columns found by name, so
/// <c>SELECT *</c> in any column order works, and the objects lazy-load and save like any other), anything else by Dapper
/// (records, classes, scalars, tuples), with <c>snake_case</c> columns matched to <c>PascalCase</c> members.
/// </summary>
internal static class RawRows<T>
{
    /// <summary>The model's reader when <typeparamref name="T"/> is a model; decided once per type.</summary>
    private static readonly (IRowReader<T> Reader, ModelDescriptor Model)? Model = FindModel();

    public static Func<DbDataReader, T> Reader(DbDataReader reader, RelGenDatabase database)
    {
        if (Model is { } model)
            return ModelReader(reader, model.Reader, model.Model, database.DefaultContext);
        DapperDateHandlers.EnsureRegistered();
        var named = new ColumnMappedReader(reader, null, PascalNames(reader));
        var parse = SqlMapper.GetRowParser<T>(named);
        return _ => parse(named);
    }

    private static Func<DbDataReader, T> ModelReader(DbDataReader reader, IRowReader<T> rows, ModelDescriptor model, LoadContext context)
    {
        var ordinals = new int[model.Columns.Count];
        var inOrder = true;
        for (var i = 0; i < ordinals.Length; i++)
        {
            var column = model.Columns[i];
            ordinals[i] = OrdinalOf(reader, column.Name);
            if (ordinals[i] < 0)
                throw new InvalidOperationException(
                    $"QueryAsync<{model.Name}>: the result has no column '{column.Name}' ({column}). Select every column of the model (SELECT * or t.*).");
            inOrder &= ordinals[i] == i;
        }
        if (inOrder)
            return r => rows.Read(r, 0, context);
        var mapped = new ColumnMappedReader(reader, ordinals, null);
        return _ => rows.Read(mapped, 0, context);
    }

    private static int OrdinalOf(DbDataReader reader, string name)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetName(i) == name)
                return i;
        }
        return -1;
    }

    /// <summary><c>pub_date</c> as <c>PubDate</c>: Dapper matches members by name, ignoring case but not underscores.</summary>
    private static string[] PascalNames(DbDataReader reader)
    {
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            var name = reader.GetName(i);
            if (!name.Contains('_', StringComparison.Ordinal))
            {
                names[i] = name;
                continue;
            }
            var pascal = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }
                pascal.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            names[i] = pascal.Length == 0 ? name : pascal.ToString();
        }
        return names;
    }

    /// <summary>
    /// The registered model whose type is <typeparamref name="T"/>, if any: looked up in the registry rather than by reflecting
    /// over the type, so it holds under trimming and NativeAOT (where Dapper's runtime code generation does not).
    /// </summary>
    private static (IRowReader<T>, ModelDescriptor)? FindModel()
    {
        if (!typeof(T).IsClass || typeof(T) == typeof(string))
            return null;
        // The model's assembly registers its models in its module initializer: make sure it has run.
        RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
        foreach (var model in ModelRegistry.All)
        {
            if (model.ClrType == typeof(T) && model is IRowReader<T> reader)
                return (reader, model);
        }
        return null;
    }
}
