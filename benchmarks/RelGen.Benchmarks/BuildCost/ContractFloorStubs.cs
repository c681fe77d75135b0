namespace RelGen.Benchmarks.BuildCost;

/// <summary>
/// The contract floor's one shared file: stand-ins for the runtime types API.md names (the attributes, the database, the
/// query set, the lookup base, the field types, the related-manager base), declared once per project so that they cost
/// nothing per model. They carry RelGen's names, generic shapes and constraints (the manager base generic over owner, model
/// and lookup; a nullable column's field type taking the nullable value type as a second argument) and the few members the
/// contract puts on them, with no logic: the per-model code binds against them as it would against the real runtime.
/// </summary>
public static class ContractFloorStubs
{
    /// <summary>The file's name in the floor project (outside the folder whose size is measured).</summary>
    public const string FileName = "ContractStubs.cs";

    /// <summary>The file's text.</summary>
    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace RelGen
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ModelAttribute : Attribute { public string? Table { get; set; } }

            [AttributeUsage(AttributeTargets.Property)]
            public sealed class ForeignKeyAttribute : Attribute
            {
                public string? RelatedName { get; set; }
                public string? RelatedQueryName { get; set; }
            }

            public sealed class RelGenDatabase { }
        }

        namespace RelGen.Query
        {
            public abstract class Predicate
            {
                public static Predicate operator &(Predicate a, Predicate b) => throw null!;
                public static Predicate operator |(Predicate a, Predicate b) => throw null!;
                public static Predicate operator !(Predicate a) => throw null!;
            }

            public abstract class ModelLookup { }

            public abstract class ModelLookup<TModel, TKey> : ModelLookup where TModel : class where TKey : notnull
            {
                public Predicate IsNull(bool isNull = true) => throw null!;
                public Predicate In(params TModel[] models) => throw null!;
                public Predicate In(params TKey[] keys) => throw null!;
                public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TModel? model) => throw null!;
                public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TModel? model) => throw null!;
                public static Predicate operator ==(ModelLookup<TModel, TKey> lookup, TKey key) => throw null!;
                public static Predicate operator !=(ModelLookup<TModel, TKey> lookup, TKey key) => throw null!;
                public override bool Equals(object? obj) => ReferenceEquals(this, obj);
                public override int GetHashCode() => 0;
            }

            public class QuerySet<T, TLookup> where T : class where TLookup : ModelLookup
            {
                public QuerySet<T, TLookup> Filter(Func<TLookup, Predicate> predicate) => throw null!;
                public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default) => throw null!;
            }

            public abstract class RelatedManager<TOwner, T, TLookup> : QuerySet<T, TLookup>
                where TOwner : class where T : class where TLookup : ModelLookup
            {
                public Task<T> CreateAsync(T entity, CancellationToken cancellationToken = default) => throw null!;
                public Task AddAsync(params T[] objects) => throw null!;
            }

            public class StringField<TValue>
            {
                public Predicate StartsWith(string value) => throw null!;
                public static Predicate operator ==(StringField<TValue> field, string? value) => throw null!;
                public static Predicate operator !=(StringField<TValue> field, string? value) => throw null!;
                public override bool Equals(object? obj) => ReferenceEquals(this, obj);
                public override int GetHashCode() => 0;
            }
            public sealed class StringField : StringField<string> { }

            public class NumberField<T, TValue> where T : struct
            {
                public static Predicate operator ==(NumberField<T, TValue> field, T value) => throw null!;
                public static Predicate operator !=(NumberField<T, TValue> field, T value) => throw null!;
                public override bool Equals(object? obj) => ReferenceEquals(this, obj);
                public override int GetHashCode() => 0;
            }
            public sealed class NumberField<T> : NumberField<T, T> where T : struct { }

            public class DateField<T, TValue> where T : struct { public NumberField<int> Year => throw null!; }
            public sealed class DateField<T> : DateField<T, T> where T : struct { }

            public class DateTimeField<T, TValue> where T : struct { public NumberField<int> Year => throw null!; }
            public sealed class DateTimeField<T> : DateTimeField<T, T> where T : struct { }

            public class TimeField<TValue> { }
            public sealed class TimeField : TimeField<TimeOnly> { }

            public class BoolField<TValue> { }
            public sealed class BoolField : BoolField<bool> { }

            public class GuidField<TValue> { }
            public sealed class GuidField : GuidField<Guid> { }
        }
        """;
}
