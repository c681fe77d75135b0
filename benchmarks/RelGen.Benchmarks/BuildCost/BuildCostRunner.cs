using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RelGen.Benchmarks.BuildCost;

/// <summary>
/// Issue 12's build-cost comparison: the synthetic model set built three ways: as RelGen models (with the repository's
/// generator, by project reference, so it measures whatever generator is checked out), as the same plain classes, and as the
/// contract floor (the RelGen models' own source plus the smallest per-model code any implementation of API.md must emit,
/// written by <see cref="ContractFloor"/> and compiled without the generator: a lower bound for any generator). For each
/// it reports the source added to the models (RelGen's generated files, from <c>EmitCompilerGeneratedFiles</c>; the floor's
/// per-model files) and the full build time (median of several runs of a clean build of that project alone, the three
/// projects alternating, their references built beforehand; the compiler runs without the shared compiler server, so no
/// run is warmer than another and nothing is left running), with the compiler's own share (the Csc task).
/// Usage: <c>dotnet run -c Release --project benchmarks/RelGen.Benchmarks -- build-cost [--models 500] [--runs 5] [--seed 17] [--keep]</c> (<c>--keep</c> leaves the three projects and their generated files in place).
/// </summary>
public static partial class BuildCostRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var models = Option(args, "--models", 500);
        var runs = Option(args, "--runs", 5);
        var seed = Option(args, "--seed", 17);
        var keep = args.Contains("--keep");
        var repository = FindRepository();
        var work = Path.Combine(Path.GetTempPath(), "relgen-build-cost-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var set = new SyntheticModels(models, seed);
            var relGenProject = WriteProject(Path.Combine(work, "WithRelGen"), set, relGen: true, repository);
            var plainProject = WriteProject(Path.Combine(work, "Plain"), set, relGen: false, repository);
            // The RelGen models' own source, without the generator, plus the floor's per-model files and its shared stubs.
            var floorProject = WriteProject(Path.Combine(work, "ContractFloor"), set, relGen: true, repository, generator: false);
            var floorAdditions = ContractFloor.Write(Path.GetDirectoryName(floorProject)!, set);
            Console.WriteLine($"// {models} synthetic models (seed {seed}) in {work}; building the runtime and generator once...");
            await DotnetAsync(repository, "build", Path.Combine(repository, "RelGen.Runtime", "RelGen.Runtime.csproj"), "-c", "Release", "-f", "net10.0", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            await DotnetAsync(repository, "restore", relGenProject);
            await DotnetAsync(repository, "restore", plainProject);
            await DotnetAsync(repository, "restore", floorProject);

            // Alternating, so that a change in the machine's load hits both alike; one build of each first, not counted: it lays
            // down the obj/ folder and warms the disk cache for both projects alike.
            var withRelGen = new Measurement("RelGen models", [], []);
            var plain = new Measurement("plain classes", [], []);
            var floor = new Measurement("contract floor (API.md surface, no RelGen)", [], []);
            for (var run = -1; run < runs; run++)
            {
                await BuildAsync(withRelGen, relGenProject, run, repository);
                await BuildAsync(plain, plainProject, run, repository);
                await BuildAsync(floor, floorProject, run, repository);
            }
            var generated = GeneratedSource.Measure(Path.Combine(Path.GetDirectoryName(relGenProject)!, "obj", "generated"), set.Count);
            var floorSource = GeneratedSource.Measure(floorAdditions, set.Count);

            Console.WriteLine();
            Console.WriteLine($"Build cost of {models} synthetic models (5–10 columns, 1–3 relations each, seed {seed}); median of {runs} clean builds, Release, no compiler server.");
            Console.WriteLine();
            Console.WriteLine("| Project | Full build (median) | Csc task (median) | Runs (s) | Generated source |");
            Console.WriteLine("| --- | ---: | ---: | --- | --- |");
            Console.WriteLine(Row(plain, "none"));
            Console.WriteLine(Row(floor, "per-model additions: " + floorSource));
            Console.WriteLine(Row(withRelGen, generated.ToString()));
            Console.WriteLine();
            Console.WriteLine($"RelGen / plain: full build {withRelGen.MedianSeconds / plain.MedianSeconds:0.00}×, compiler {withRelGen.MedianCscSeconds / plain.MedianCscSeconds:0.00}×; "
                + $"generated source {generated.BytesPerModel / 1024.0:0.0} KB per model on average, largest file {generated.LargestFileBytes / 1024.0:0.0} KB ({generated.LargestFile}).");
            Console.WriteLine($"Floor / plain: full build {floor.MedianSeconds / plain.MedianSeconds:0.00}×, compiler {floor.MedianCscSeconds / plain.MedianCscSeconds:0.00}×; "
                + $"RelGen / floor: full build {withRelGen.MedianSeconds / floor.MedianSeconds:0.00}×, compiler {withRelGen.MedianCscSeconds / floor.MedianCscSeconds:0.00}×; "
                + $"the floor adds {floorSource.BytesPerModel / 1024.0:0.0} KB per model (RelGen {generated.BytesPerModel / 1024.0:0.0} KB).");
            return 0;
        }
        finally
        {
            if (keep)
                Console.WriteLine($"// kept {work}");
            else if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static string Row(Measurement m, string generated)
        => $"| {m.Name} | {m.MedianSeconds:0.00} s | {m.MedianCscSeconds:0.00} s | {string.Join(", ", m.Seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} | {generated} |";

    private sealed record Measurement(string Name, List<double> Seconds, List<double> CscSeconds)
    {
        public double MedianSeconds => Median(Seconds);

        public double MedianCscSeconds => Median(CscSeconds);

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    private static async Task BuildAsync(Measurement measurement, string project, int run, string repository)
    {
        var watch = Stopwatch.StartNew();
        var output = await DotnetAsync(repository, "build", project, "-c", "Release", "--no-restore", "--no-dependencies", "--no-incremental",
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:PerformanceSummary");
        watch.Stop();
        if (run < 0)
            return;
        var match = CscTime().Match(output);
        var csc = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000 : double.NaN;
        measurement.Seconds.Add(watch.Elapsed.TotalSeconds);
        measurement.CscSeconds.Add(csc);
        Console.WriteLine($"// {measurement.Name}, run {run + 1}: {watch.Elapsed.TotalSeconds:0.00} s (Csc {csc:0.00} s)");
    }

    [GeneratedRegex(@"^\s*(\d+) ms\s+Csc\s", RegexOptions.Multiline)]
    private static partial Regex CscTime();

    /// <summary>
    /// Writes a project of the models: RelGen's source (<paramref name="relGen"/>, with the runtime and generator referenced
    /// unless <paramref name="generator"/> is false) or the plain classes.
    /// </summary>
    private static string WriteProject(string folder, SyntheticModels set, bool relGen, string repository, bool generator = true)
    {
        set.Write(Path.Combine(folder, "Models"), relGen);
        var references = relGen && generator
            ? $"""
                <ItemGroup>
                  <ProjectReference Include="{Path.Combine(repository, "RelGen.Runtime", "RelGen.Runtime.csproj")}" />
                  <ProjectReference Include="{Path.Combine(repository, "RelGen.Generator", "RelGen.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                </ItemGroup>
              """
            : "";
        var project = Path.Combine(folder, Path.GetFileName(folder) + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <CompilerGeneratedFilesOutputPath>$(BaseIntermediateOutputPath)generated</CompilerGeneratedFilesOutputPath>
              </PropertyGroup>
              {references}
            </Project>
            """);
        // Outside the repository, so its Directory.Build.props (warnings as errors, central versions) does not apply; an empty
        // one stops MSBuild looking further up.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        return project;
    }

    private static async Task<string> DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return await output;
    }

    private static string FindRepository()
    {
        // The working folder first (the program may have been built elsewhere with -o), then the program's own folder.
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RelGen.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run build-cost from inside the RelGen repository (no RelGen.sln above " + Environment.CurrentDirectory + ").");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
