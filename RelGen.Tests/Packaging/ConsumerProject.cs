using System.Security;

namespace RelGen.Tests.Packaging;

/// <summary>
/// Writes a user's project in a folder of its own: a net10.0 console app, nullable, warnings as errors,
/// whose only reference is <c>&lt;PackageReference Include="RelGen" /&gt;</c>, restored from the test's
/// feed (added to the machine's own NuGet sources, not replacing them).
/// </summary>
public static class ConsumerProject
{
    public static string Write(string directory, string feed, string relGenVersion, string programSource)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RelGen" Version="{relGenVersion}" />
              </ItemGroup>
            </Project>
            """);
        // No <clear/>: the user's and machine's sources stay, for RelGen's own dependencies.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="relgen-test-feed" value="{SecurityElement.Escape(feed)}" />
              </packageSources>
            </configuration>
            """);
        // Empty, so MSBuild and NuGet stop looking upwards: whatever sits above the temp folder (a
        // repository's Directory.Build.props or central package versions) must not shape this project.
        foreach (string stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(directory, stop), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
        return directory;
    }
}
