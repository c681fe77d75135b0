using System.Data.Common;

namespace RelGen.Metadata;

/// <summary>
/// A model's generated row reader, reachable where the model type is not constrained to be one (raw SQL's
/// <c>QueryAsync&lt;T&gt;</c> learns at run time whether <typeparamref name="T"/> is a model).
/// </summary>
internal interface IRowReader<out T>
{
    T Read(DbDataReader reader, int offset, LoadContext context);
}
