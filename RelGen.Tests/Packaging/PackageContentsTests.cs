using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace RelGen.Tests.Packaging;

/// <summary>What the run's packages hold: files, metadata, dependency floors, symbols with Source Link, no machine paths.</summary>
[Category("Packaging")]
public sealed class PackageContentsTests
{
    static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    static PackedFeed Feed => PackagingSetUp.Feed;

    /// <summary>What the RelGen package depends on, at the lowest versions its code needs (see Directory.Packages.props).</summary>
    static readonly string[] Floors =
    [
        "Dapper 2.0.123",
        "Microsoft.Extensions.DependencyInjection.Abstractions 8.0.0",
        "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions 8.0.0",
        "Microsoft.Extensions.Logging.Abstractions 8.0.0",
        "Microsoft.Extensions.Options 8.0.0",
        "Npgsql 8.0.3",
    ];

    [Test]
    public void PackWritesThePackagesAndTheirSymbolsPackages()
    {
        string v = Feed.Version;
        Assert.That(Directory.GetFiles(Feed.Feed).Select(Path.GetFileName),
            Is.EquivalentTo(new[]
            {
                $"RelGen.{v}.nupkg", $"RelGen.{v}.snupkg", $"RelGen.Testing.{v}.nupkg", $"RelGen.Testing.{v}.snupkg",
                $"RelGen.Tool.{v}.nupkg", $"RelGen.Tool.{v}.snupkg",
            }));
    }

    [Test]
    public void RelGenCarriesTheGeneratorAsAnalyzer_TheLowestDependenciesTheCodeNeeds_AndItsMetadata()
    {
        using var package = ZipFile.OpenRead(Feed.PackagePath("RelGen"));
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        var metadata = Metadata(package, "RelGen");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/RelGen.Generator.dll"));
            Assert.That(entries.Where(e => e.EndsWith("RelGen.Generator.dll", StringComparison.Ordinal)), Has.Exactly(1).Items,
                "the generator ships as an analyzer only, never as a lib reference");
            Assert.That(entries, Does.Contain("lib/net8.0/RelGen.dll").And.Contain("lib/net10.0/RelGen.dll").And.Contain("README.md").And.Contain("icon.png"));
            Assert.That(entries.Where(e => e.EndsWith(".pdb", StringComparison.Ordinal)), Is.Empty, "the PDBs go in the symbols package");
            Assert.That(entries, Does.Contain("build/RelGen.props").And.Contain("buildTransitive/RelGen.props"), "hands Migrations/ to the generator");
            Assert.That(Dependencies(metadata), Is.EquivalentTo(new Dictionary<string, string[]>
            {
                ["net8.0"] = Floors,
                ["net10.0"] = Floors,
            }));
            Assert.That(Text(metadata, "id"), Is.EqualTo("RelGen"));
            Assert.That(Text(metadata, "readme"), Is.EqualTo("README.md"));
            Assert.That(ReadEntry(package, "README.md"), Does.StartWith("# RelGen\n"));
            Assert.That(Text(metadata, "tags"), Does.Contain("postgresql"));
        }
        AssertSharedMetadata(metadata);
    }

    [Test]
    public void RelGenTestingShipsItsOwnReadme_AndTheContainerModesDependency()
    {
        using var package = ZipFile.OpenRead(Feed.PackagePath("RelGen.Testing"));
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        var metadata = Metadata(package, "RelGen.Testing");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries, Does.Contain("lib/net8.0/RelGen.Testing.dll").And.Contain("lib/net10.0/RelGen.Testing.dll").And.Contain("icon.png"));
            Assert.That(ReadEntry(package, "README.md"), Does.StartWith("# RelGen.Testing\n").And.Contain("RELGEN_TEST_MODE"),
                "its own README, not the ORM's");
            Assert.That(Dependencies(metadata)["net8.0"], Is.EquivalentTo(new[] { "Npgsql 8.0.3", "Testcontainers.PostgreSql 4.16.0" }));
            Assert.That(Text(metadata, "id"), Is.EqualTo("RelGen.Testing"));
        }
        AssertSharedMetadata(metadata);
    }

    [TestCase("RelGen", "RelGen")]
    [TestCase("RelGen.Testing", "RelGen.Testing")]
    public void SymbolsPackageHoldsPdbsWithSourceLinkToTheRepository_AndNoMachinePath(string packageId, string assemblyName)
    {
        using var symbols = ZipFile.OpenRead(Feed.SymbolsPackagePath(packageId));
        using var package = ZipFile.OpenRead(Feed.PackagePath(packageId));
        string commit = (string)Metadata(package, packageId).Element(Nuspec + "repository")!.Attribute("commit")!;

        foreach (string framework in new[] { "net8.0", "net10.0" })
        {
            byte[] pdb = ReadBytes(symbols, $"lib/{framework}/{assemblyName}.pdb");
            byte[] dll = ReadBytes(package, $"lib/{framework}/{assemblyName}.dll");
            using var provider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(pdb));
            var reader = provider.GetMetadataReader();
            string[] documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
            string sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
                .Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .SingleOrDefault() ?? "";

            using (Assert.EnterMultipleScope())
            {
                Assert.That(documents, Is.Not.Empty.And.All.StartWith("/_/"), "ContinuousIntegrationBuild maps every source path");
                Assert.That(sourceLink, Does.Contain($"\"/_/*\":\"https://raw.githubusercontent.com/relgen/relgen/{commit}/*\""));
                foreach (string machinePath in new[] { Feed.RepositoryRoot, Feed.Work })
                {
                    Assert.That(Contains(pdb, machinePath), Is.False, $"{framework} PDB embeds {machinePath}");
                    Assert.That(Contains(dll, machinePath), Is.False, $"{framework} assembly embeds {machinePath}");
                }
            }
        }
    }

    static void AssertSharedMetadata(XElement metadata)
    {
        var repository = metadata.Element(Nuspec + "repository");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(metadata, "version"), Is.EqualTo(Feed.Version));
            Assert.That(Text(metadata, "authors"), Is.EqualTo("RelGen contributors"));
            Assert.That(Text(metadata, "license"), Is.EqualTo("MIT"));
            Assert.That((string?)metadata.Element(Nuspec + "license")?.Attribute("type"), Is.EqualTo("expression"));
            Assert.That(Text(metadata, "icon"), Is.EqualTo("icon.png"));
            Assert.That(Text(metadata, "projectUrl"), Is.EqualTo("https://github.com/relgen/relgen"));
            Assert.That((string?)repository?.Attribute("type"), Is.EqualTo("git"));
            Assert.That((string?)repository?.Attribute("url"), Is.EqualTo("https://github.com/relgen/relgen"));
            Assert.That((string?)repository?.Attribute("commit"), Does.Match("^[0-9a-f]{40}$"));
            Assert.That(Text(metadata, "description"), Is.Not.Empty);
            Assert.That(Text(metadata, "copyright"), Does.Contain("RelGen contributors"));
        }
    }

    static XNamespace Nuspec { get; } = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    static XElement Metadata(ZipArchive package, string id)
    {
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Element(Nuspec + "metadata")!;
    }

    static string? Text(XElement metadata, string name) => (string?)metadata.Element(Nuspec + name);

    /// <summary>Per target framework, "Id version" of each dependency, sorted.</summary>
    static Dictionary<string, string[]> Dependencies(XElement metadata) =>
        metadata.Element(Nuspec + "dependencies")!.Elements(Nuspec + "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements(Nuspec + "dependency").Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}").Order(StringComparer.Ordinal).ToArray());

    static string ReadEntry(ZipArchive package, string name) => Encoding.UTF8.GetString(ReadBytes(package, name)).Replace("\r\n", "\n", StringComparison.Ordinal);

    static byte[] ReadBytes(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name) ?? throw new AssertionException($"The package has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Paths may be stored as UTF-8 (PDB blobs) or UTF-16 (assembly metadata strings).
    static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
