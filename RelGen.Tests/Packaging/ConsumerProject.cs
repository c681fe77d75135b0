using System.Security;

namespace RelGen.Tests.Packaging;

/// <summary>
/// A user's project in a folder of its own: a console app, nullable, warnings as errors, referencing the RelGen
/// package from the test run's feed (added to the machine's own NuGet sources, not replacing them), plus whatever
/// packages the user pins (an older Npgsql, say). Restored into the run's own packages folder.
/// </summary>
public sealed record ConsumerProject(string Directory, string TargetFramework)
{
    public static ConsumerProject Write(
        PackedFeed feed, string name, string programSource, string targetFramework = "net10.0", IReadOnlyDictionary<string, string>? pinned = null)
    {
        string directory = Path.Combine(feed.Work, name);
        System.IO.Directory.CreateDirectory(directory);
        string pins = string.Concat((pinned ?? new Dictionary<string, string>()).Select(p =>
            $"""{System.Environment.NewLine}    <PackageReference Include="{p.Key}" Version="{p.Value}" />"""));
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- RelGen's models use partial properties (C# 13); net8.0 projects default to C# 12. -->
                <LangVersion>13</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RelGen" Version="{feed.Version}" />{pins}
              </ItemGroup>
            </Project>
            """);
        // No <clear/>: the user's and machine's sources stay, for RelGen's own dependencies.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="relgen-test-feed" value="{SecurityElement.Escape(feed.Feed)}" />
              </packageSources>
            </configuration>
            """);
        // Empty, so MSBuild and NuGet stop looking upwards: whatever sits above the temp folder (a
        // repository's Directory.Build.props or central package versions) must not shape this project.
        foreach (string stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(directory, stop), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
        return new ConsumerProject(directory, targetFramework);
    }

    public string AssetsFile => Path.Combine(Directory, "obj", "project.assets.json");

    public string Assembly => Path.Combine(Directory, "bin", "Debug", TargetFramework, "Consumer.dll");

    public Task<CliResult> BuildAsync(PackedFeed feed) =>
        DotnetCli.RunAsync(Directory, PackagingSetUp.HangGuard, Environment(feed), "build", "-nodeReuse:false", "-tl:off");

    /// <summary>
    /// Runs the built program. DOTNET_ROLL_FORWARD=Major lets a net8.0 consumer run where only a newer runtime is
    /// installed (it still runs RelGen's net8.0 assembly and the Npgsql it restored); with the 8.0 runtime present it changes nothing.
    /// </summary>
    public Task<CliResult> RunAsync(PackedFeed feed, params string[] arguments) =>
        DotnetCli.RunAsync(Directory, PackagingSetUp.HangGuard,
            new Dictionary<string, string>(Environment(feed)) { ["DOTNET_ROLL_FORWARD"] = "Major" },
            [Assembly, .. arguments]);

    static IReadOnlyDictionary<string, string> Environment(PackedFeed feed) =>
        new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.Packages };
}
