namespace RelGen.Tests.Generator;

/// <summary>Misusing the generated API is a compile error on the offending expression, not a runtime one.</summary>
public class MisuseTests
{
    private static GeneratorRun Compile(string statements, params string[] models)
        => GeneratorHarness.Run([.. models, UserCode.Method("RelGenDatabase db, Reporter reporter, Article article", statements)]);

    private static GeneratorRun Compile(string statements) => Compile(statements, ContractModels.Reporter, ContractModels.Article);

    [Test]
    public void AddingAReporterToArticleSet()
    {
        var run = Compile("await reporter.ArticleSet.AddAsync(reporter);");

        RunAssert.SingleCompilerError(run, "CS1503", "reporter");
    }

    [Test]
    public void CreatingAReporterInArticleSet()
    {
        var run = Compile("await reporter.ArticleSet.CreateAsync(reporter);");

        RunAssert.SingleCompilerError(run, "CS1503", "reporter");
    }

    [Test]
    public void ComparingAStringFieldWithAnInt()
    {
        var run = Compile("var q = Article.Objects(db).Filter(a => a.Headline == 1);");

        RunAssert.SingleCompilerError(run, "CS0019", "a.Headline == 1");
    }

    [Test]
    public void ComparingADateFieldWithAString()
    {
        var run = Compile("""var q = Article.Objects(db).Filter(a => a.PubDate > "2005-01-01");""");

        RunAssert.SingleCompilerError(run, "CS0019", "a.PubDate > \"2005-01-01\"");
    }

    [Test]
    public void NamingAFieldThatDoesNotExist()
    {
        var run = Compile("""var q = Article.Objects(db).Filter(a => a.Nope == "x");""");

        RunAssert.SingleCompilerError(run, "CS1061", "Nope");
    }

    [Test]
    public void NamingAFieldOfTheWrongModelAcrossARelation()
    {
        var run = Compile("""var q = Article.Objects(db).Filter(a => a.Reporter.Headline == "x");""");

        RunAssert.SingleCompilerError(run, "CS1061", "Headline");
    }

    [Test]
    public void RemovingFromTheManagerOfANonNullableRelation()
    {
        var run = Compile("await reporter.ArticleSet.RemoveAsync(article);");

        RunAssert.SingleCompilerError(run, "CS1061", "RemoveAsync");
    }

    [TestCase("await reporter.ArticleSet.ClearAsync();", "ClearAsync")]
    [TestCase("await reporter.ArticleSet.SetAsync(new[] { article });", "SetAsync")]
    public void ClearingOrSettingTheManagerOfANonNullableRelation(string statement, string member)
    {
        RunAssert.SingleCompilerError(Compile(statement), "CS1061", member);
    }

    [Test]
    public void PassingTheOwnRelationToTypedCreateAsync()
    {
        var run = Compile("""await reporter.ArticleSet.CreateAsync(headline: "x", pubDate: default, reporter: reporter);""");

        RunAssert.SingleCompilerError(run, "CS1739", "reporter");
    }
}
