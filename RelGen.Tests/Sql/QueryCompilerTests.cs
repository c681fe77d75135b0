using RelGen.Tests.Models;

namespace RelGen.Tests.Sql;

/// <summary>The SQL text the query compiler produces (no database: nothing is sent).</summary>
public sealed class QueryCompilerTests
{
    private const string ArticleColumns = "t0.\"id\", t0.\"headline\", t0.\"pub_date\", t0.\"reporter_id\"";
    private const string ReporterColumns = "t0.\"id\", t0.\"first_name\", t0.\"last_name\", t0.\"email\"";

    private RelGenDatabase _db = null!;

    [OneTimeSetUp]
    public void CreateDatabaseHandle() => _db = RelGenDatabase.Create("Host=127.0.0.1;Port=1;Database=never_connected");

    [OneTimeTearDown]
    public void DisposeDatabaseHandle() => _db.Dispose();

    [Test]
    public void ModelOrderingIsTheDefaultOrder()
        => Assert.That(Article.Objects(_db).ToSql(), Is.EqualTo($"SELECT {ArticleColumns} FROM \"article\" t0 ORDER BY t0.\"headline\" ASC"));

    [Test]
    public void ValuesArePlaceholdersAndNeverInTheText()
    {
        var query = Article.Objects(_db).Filter(a => a.Headline == "Robert'); DROP TABLE article;--");
        Assert.That(query.ToSql(), Is.EqualTo($"SELECT {ArticleColumns} FROM \"article\" t0 WHERE t0.\"headline\" = $1 ORDER BY t0.\"headline\" ASC"));
        Assert.That(query.ToParameters(), Is.EqualTo(new object[] { "Robert'); DROP TABLE article;--" }));
    }

    [Test]
    public void ConditionsOnTheSameForwardPathShareOneJoin()
    {
        var sql = Article.Objects(_db).Filter(a => a.Reporter.FirstName == "John" & a.Reporter.LastName == "Smith")
            .Filter(a => a.Reporter.Email.EndsWith("@example.com")).ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT {ArticleColumns} FROM \"article\" t0 INNER JOIN \"reporter\" t1 ON t1.\"id\" = t0.\"reporter_id\""
            + " WHERE (t1.\"first_name\" = $1 AND t1.\"last_name\" = $2) AND t1.\"email\" LIKE $3 ORDER BY t0.\"headline\" ASC"));
    }

    [Test]
    public void RelatedKeyLookupUsesTheForeignKeyColumnWithoutAJoin()
    {
        var expected = $"SELECT {ArticleColumns} FROM \"article\" t0 WHERE t0.\"reporter_id\" = $1 ORDER BY t0.\"headline\" ASC";
        Assert.That(Article.Objects(_db).Filter(a => a.Reporter.Id == 1).ToSql(), Is.EqualTo(expected));
        Assert.That(Article.Objects(_db).Filter(a => a.Reporter == 1).ToSql(), Is.EqualTo(expected));
    }

    [Test]
    public void InSendsOneArrayParameter()
    {
        var query = Article.Objects(_db).Filter(a => a.Reporter.In(1, 2, 3));
        Assert.That(query.ToSql(), Does.Contain("WHERE t0.\"reporter_id\" = ANY($1)"));
        Assert.That(query.ToParameters(), Has.Count.EqualTo(1));
        Assert.That(query.ToParameters()[0], Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void InWithAnEmptyListMatchesNothing()
    {
        var query = Article.Objects(_db).Filter(a => a.Reporter.In(Array.Empty<int>()));
        Assert.That(query.ToSql(), Does.Contain("WHERE FALSE"));
        Assert.That(query.ToParameters(), Is.Empty);
    }

    [Test]
    public void InWithAQuerySetIsASubqueryOfTheSameStatement()
    {
        var query = Article.Objects(_db).Filter(a => a.Headline.StartsWith("T"))
            .Filter(a => a.Reporter.In(Reporter.Objects(_db).Filter(r => r.FirstName == "John")));
        Assert.That(query.ToSql(), Is.EqualTo($"SELECT {ArticleColumns} FROM \"article\" t0"
            + " WHERE t0.\"headline\" LIKE $1 AND t0.\"reporter_id\" IN (SELECT t1.\"id\" FROM \"reporter\" t1 WHERE t1.\"first_name\" = $2)"
            + " ORDER BY t0.\"headline\" ASC"));
        Assert.That(query.ToParameters(), Is.EqualTo(new object[] { "T%", "John" }));
    }

    [Test]
    public void ConditionsInOneFilterReferToTheSameReverseRow()
    {
        var sql = Reporter.Objects(_db).Filter(r => r.Article.Headline.StartsWith("This") & r.Article.PubDate.Year == 2005).ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT {ReporterColumns} FROM \"reporter\" t0 LEFT OUTER JOIN \"article\" t1 ON t1.\"reporter_id\" = t0.\"id\""
            + " WHERE (t1.\"headline\" LIKE $1 AND CAST(EXTRACT(YEAR FROM t1.\"pub_date\") AS integer) = $2)"));
    }

    [Test]
    public void EachFurtherFilterOnAReverseRelationGetsItsOwnJoin()
    {
        var sql = Reporter.Objects(_db).Filter(r => r.Article.Headline.StartsWith("This")).Filter(r => r.Article.PubDate.Year == 2005).ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT {ReporterColumns} FROM \"reporter\" t0"
            + " LEFT OUTER JOIN \"article\" t1 ON t1.\"reporter_id\" = t0.\"id\""
            + " LEFT OUTER JOIN \"article\" t2 ON t2.\"reporter_id\" = t0.\"id\""
            + " WHERE t1.\"headline\" LIKE $1 AND CAST(EXTRACT(YEAR FROM t2.\"pub_date\") AS integer) = $2"));
    }

    [Test]
    public void CircularLookupsJoinBackToTheStartingTable()
    {
        var sql = Reporter.Objects(_db).Filter(r => r.Article.Reporter.FirstName.StartsWith("John")).ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT {ReporterColumns} FROM \"reporter\" t0"
            + " LEFT OUTER JOIN \"article\" t1 ON t1.\"reporter_id\" = t0.\"id\""
            + " LEFT OUTER JOIN \"reporter\" t2 ON t2.\"id\" = t1.\"reporter_id\""
            + " WHERE t2.\"first_name\" LIKE $1"));
    }

    [Test]
    public void LikePatternsEscapeWildcards()
    {
        var query = Article.Objects(_db).Filter(a => a.Headline.Contains(@"50%_off\now"));
        Assert.That(query.ToParameters(), Is.EqualTo(new object[] { @"%50\%\_off\\now%" }));
    }

    [Test]
    public void CaseInsensitiveLookupsUseIlikeAndUpper()
    {
        Assert.That(Article.Objects(_db).Filter(a => a.Headline.IStartsWith("this")).ToSql(), Does.Contain("t0.\"headline\" ILIKE $1"));
        Assert.That(Article.Objects(_db).Filter(a => a.Headline.IExact("this")).ToSql(), Does.Contain("UPPER(t0.\"headline\") = UPPER($1)"));
    }

    [Test]
    public void DistinctOrderedAcrossARelationSelectsTheOrderColumn()
    {
        var sql = Article.Objects(_db).Filter(a => a.Reporter.In(1, 2)).OrderBy(a => a.Reporter.LastName, a => a.PubDate.Desc()).Distinct().ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT DISTINCT {ArticleColumns}, t1.\"last_name\" FROM \"article\" t0 INNER JOIN \"reporter\" t1 ON t1.\"id\" = t0.\"reporter_id\""
            + " WHERE t0.\"reporter_id\" = ANY($1) ORDER BY t1.\"last_name\" ASC, t0.\"pub_date\" DESC"));
    }

    [Test]
    public void TakeAndSkipAreParameters()
    {
        var query = Article.Objects(_db).Skip(10).Take(5);
        Assert.That(query.ToSql(), Does.EndWith("ORDER BY t0.\"headline\" ASC LIMIT $1 OFFSET $2"));
        Assert.That(query.ToParameters(), Is.EqualTo(new object[] { 5L, 10L }));
    }

    [Test]
    public void ExcludeAcrossAReverseRelationIsANotExistsSubquery()
    {
        var sql = Reporter.Objects(_db).Exclude(r => r.Article.Headline.StartsWith("This")).ToSql();
        Assert.That(sql, Is.EqualTo($"SELECT {ReporterColumns} FROM \"reporter\" t0 WHERE NOT EXISTS (SELECT 1 FROM \"reporter\" t1"
            + " LEFT OUTER JOIN \"article\" t2 ON t2.\"reporter_id\" = t1.\"id\" WHERE t1.\"id\" = t0.\"id\" AND t2.\"headline\" LIKE $1)"));
    }

    [Test]
    public void ExcludeOfASingleValuedConditionKeepsRowsWhereItIsNull()
        => Assert.That(Article.Objects(_db).Exclude(a => a.Headline == "x").ToSql(), Does.Contain("WHERE ((t0.\"headline\" = $1) IS NOT TRUE)"));

    [Test]
    public void DistinctCountAcrossAReverseRelationIsAnExists()
    {
        var query = Reporter.Objects(_db).Filter(r => r.Article.Headline.StartsWith("This")).Distinct();
        Assert.That(QueryText.Count(query), Is.EqualTo("SELECT COUNT(*) FROM \"reporter\" t0"
            + " WHERE EXISTS (SELECT 1 FROM \"article\" t1 WHERE t1.\"reporter_id\" = t0.\"id\" AND t1.\"headline\" LIKE $1)"));
    }

    [Test]
    public void DistinctCountWhereARowWithoutRelatedRowsCanMatchCountsDistinctKeys()
    {
        // IS NULL is true on the join's NULL row: a reporter without articles is counted, which an EXISTS would miss.
        var query = Reporter.Objects(_db).Filter(r => r.Article.IsNull()).Distinct();
        Assert.That(QueryText.Count(query), Is.EqualTo("SELECT COUNT(DISTINCT t0.\"id\") FROM \"reporter\" t0 LEFT OUTER JOIN \"article\" t1 ON t1.\"reporter_id\" = t0.\"id\" WHERE t1.\"id\" IS NULL"));
    }

    [Test]
    public void TheSqlOfAShapeIsBuiltOnceAndReused()
    {
        var first = Article.Objects(_db).Filter(a => a.Reporter.FirstName == "John").ToSql();
        var second = Article.Objects(_db).Filter(a => a.Reporter.FirstName == "Paul").ToSql();
        Assert.That(second, Is.SameAs(first));
    }
}
