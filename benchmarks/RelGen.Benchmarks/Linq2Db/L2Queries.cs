using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using RelGen.Benchmarks.Infrastructure;

namespace RelGen.Benchmarks.Linq2Db;

/// <summary>
/// linq2db's side of every scenario, compiled where linq2db compiles (reads). Kept apart from the scenarios
/// because linq2db's and EF Core's async query operators share names and would be ambiguous in one file.
/// </summary>
public static class L2Queries
{
    public static readonly Func<DataConnection, int, Task<L2Article?>> SingleById =
        CompiledQuery.Compile((DataConnection db, int id) => db.GetTable<L2Article>().FirstOrDefaultAsync(a => a.Id == id, default));

    public static readonly Func<DataConnection, string, Task<List<L2Article>>> ListByJoin =
        CompiledQuery.Compile((DataConnection db, string name) =>
            db.GetTable<L2Article>().Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline).ToListAsync(default));

    public static readonly Func<DataConnection, string, IQueryable<L2Article>> StreamByJoin =
        CompiledQuery.Compile((DataConnection db, string name) =>
            db.GetTable<L2Article>().Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline));

    public static readonly Func<DataConnection, string, Task<int>> ReverseDistinctCount =
        CompiledQuery.Compile((DataConnection db, string prefix) =>
            db.GetTable<L2Reporter>().CountAsync(r => r.Articles.Any(a => a.Headline.StartsWith(prefix)), default));

    public static readonly Func<DataConnection, string, Task<List<L2Reporter>>> Prefetch =
        CompiledQuery.Compile((DataConnection db, string name) =>
            db.GetTable<L2Reporter>().Where(r => r.FirstName == name).LoadWith(r => r.Articles, q => q.OrderBy(a => a.Headline)).ToListAsync(default));

    public static readonly Func<DataConnection, string, Task<List<HeadlineRow>>> ProjectionList =
        CompiledQuery.Compile((DataConnection db, string name) =>
            db.GetTable<L2Article>().Where(a => a.Reporter.FirstName == name).OrderBy(a => a.Headline)
                .Select(a => new HeadlineRow { Id = a.Id, Headline = a.Headline, PubDate = a.PubDate }).ToListAsync(default));

    public static readonly Func<DataConnection, Task<List<L2ReporterCount>>> AnnotateCount =
        CompiledQuery.Compile((DataConnection db) =>
            db.GetTable<L2Reporter>().Select(r => new L2ReporterCount { Reporter = r, Count = r.Articles.Count() }).ToListAsync(default));

    // Set-based writes: linq2db cannot compile them (CompiledQuery throws "could not be converted to SQL"), and caches them itself.
    public static Task<int> DeleteReporterById(DataConnection db, int id) => db.GetTable<L2Reporter>().Where(r => r.Id == id).DeleteAsync();

    public static Task<int> DeleteReportersNamed(DataConnection db, string name) => db.GetTable<L2Reporter>().Where(r => r.FirstName == name).DeleteAsync();

    public static Task<int> AddViewByReporterName(DataConnection db, string name)
        => db.GetTable<L2Article>().Where(a => a.Reporter.FirstName == name).Set(a => a.Views, a => a.Views + 1).UpdateAsync();

    public static Task<int> InsertOne(DataConnection db, L2Article article) => db.InsertWithInt32IdentityAsync(article);

    /// <summary>Binary COPY through linq2db's provider-specific bulk copy.</summary>
    public static Task<BulkCopyRowsCopied> BulkInsert(DataConnection db, IEnumerable<L2Article> articles)
        => db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = BulkCopyType.ProviderSpecific }, articles);

    /// <summary>One MERGE: update the pub date and views of the articles whose headline exists, insert the others.</summary>
    public static Task<int> Upsert(DataConnection db, IEnumerable<L2Article> articles)
        => db.GetTable<L2Article>().Merge().Using(articles).On((t, s) => t.Headline == s.Headline)
            .UpdateWhenMatched((t, s) => new L2Article { PubDate = s.PubDate, Views = s.Views })
            .InsertWhenNotMatched(s => new L2Article { Headline = s.Headline, PubDate = s.PubDate, Views = s.Views, ReporterId = s.ReporterId })
            .MergeAsync();
}
