using RelGen.Benchmarks.DapperAot;
using RelGen.Benchmarks.EfCore;
using RelGen.Benchmarks.Linq2Db;
using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>An article's values, whatever class a variant read it into: what the set-up checks compare.</summary>
public readonly record struct ArticleRow(int Id, string Headline, DateOnly PubDate, int Views, int ReporterId)
{
    public static ArticleRow Of(Article a) => new(a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);

    public static ArticleRow Of(EfArticle a) => new(a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);

    public static ArticleRow Of(L2Article a) => new(a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);

    public static ArticleRow Of(AotArticle a) => new(a.Id, a.Headline, a.PubDate, a.Views, a.ReporterId);
}
