namespace RelGen.Tests.Generator;

/// <summary>The API the generator emits is usable as the contract shows: user code calling it compiles cleanly.</summary>
public class GeneratedApiTests
{
    [Test]
    public void QuerySetsLookupsAndReverseManager()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, ContractModels.Article, UserCode.Method(
            "RelGenDatabase db, Reporter reporter, Article article",
            """
            var articles = await Article.Objects(db)
                .Filter(a => a.Reporter.FirstName.StartsWith("J") & a.PubDate.Year == 2005)
                .OrderBy(a => a.Headline, a => a.PubDate.Desc())
                .ToListAsync();
            Article created = await reporter.ArticleSet.CreateAsync(headline: "x", pubDate: default);
            await reporter.ArticleSet.AddAsync(article, created);
            var byKey = Article.Objects(db).Filter(a => a.Reporter == 1 | a.Reporter == reporter | a.Reporter.In(1, 2));
            var subquery = Article.Objects(db).Filter(a => a.Reporter.In(Reporter.Objects(db).Filter(r => r.FirstName == "John")));
            var reporters = Reporter.Objects(db).Filter(r => r.Article.Headline.StartsWith("This") & !r.Article.IsNull()).Distinct();
            int count = await reporter.ArticleSet.CountAsync();
            article.ReporterId = reporter.Id;
            Reporter author = article.Reporter;
            """));

        RunAssert.Clean(run);
    }

    [Test]
    public void LookupsFollowCyclesToAnyDepth()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, ContractModels.Article, UserCode.Method(
            "RelGenDatabase db",
            """
            var reporters = Reporter.Objects(db).Filter(r => r.Article.Reporter.Article.Headline == "x");
            var deeper = Article.Objects(db).Filter(a => a.Reporter.Article.Reporter.Article.Reporter.Email.Contains("@"));
            """));

        RunAssert.Clean(run);
    }

    [Test]
    public void NullableRelationManagerRemovesClearsAndSets()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Owner
            {
                public string Name { get; set; } = "";
            }

            [Model]
            public partial class Child
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Owner? Owner { get; set; }
            }
            """,
            UserCode.Method(
                "Owner owner, Child child",
                """
                await owner.ChildSet.RemoveAsync(child);
                await owner.ChildSet.ClearAsync();
                await owner.ChildSet.SetAsync(new[] { child });
                Child created = await owner.ChildSet.CreateAsync(name: "x");
                """));

        RunAssert.Clean(run);
    }

    [Test]
    public void SelfReferenceManagerAndLookup()
    {
        var run = GeneratorHarness.Run(
            """
            using RelGen;

            [Model]
            public partial class Employee
            {
                public string Name { get; set; } = "";
                [ForeignKey(OnDelete = OnDelete.SetNull)] public partial Employee? Manager { get; set; }
            }
            """,
            UserCode.Method(
                "RelGenDatabase db, Employee boss",
                """
                Employee report = await boss.EmployeeSet.CreateAsync(name: "x");
                var reports = Employee.Objects(db).Filter(e => e.Manager.Manager.Name == "CEO" | e.Employee.Name == "Intern");
                await boss.EmployeeSet.RemoveAsync(report);
                """));

        RunAssert.Clean(run);
    }

    [Test]
    public void CreateAsyncTakesOtherRelationsItCannotAssignByKey()
    {
        var run = GeneratorHarness.Run(ContractModels.Reporter, """
            using RelGen;

            [Model]
            public partial class Memo
            {
                public string Text { get; set; } = "";
                [ForeignKey(RelatedName = "Sent", RelatedQueryName = "Sent")] public partial Reporter Sender { get; init; }
                [ForeignKey(RelatedName = "Filed", RelatedQueryName = "Filed")] public partial Reporter Filer { get; }
            }
            """,
            UserCode.Method(
                "Reporter sender, Reporter filer",
                """
                Memo memo = await sender.Sent.CreateAsync(text: "x", filerId: filer.Id);
                Memo other = await filer.Filed.CreateAsync(text: "y", sender: sender);
                """));

        RunAssert.Clean(run);
    }
}
