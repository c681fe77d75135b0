namespace RelGen.Benchmarks.BuildCost;

/// <summary>
/// The size of what the generator wrote (the files EmitCompilerGeneratedFiles leaves under <c>obj/generated/</c>): total bytes and
/// files, bytes per model (total divided by models, so shared files count too, whatever the layout), and the largest file.
/// </summary>
public sealed record GeneratedSource(long TotalBytes, int Files, double BytesPerModel, long LargestFileBytes, string LargestFile)
{
    public static GeneratedSource Measure(string folder, int models)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories) : [];
        if (files.Length == 0)
            throw new InvalidOperationException($"No generated files under {folder}: did the generator run?");
        var sizes = files.Select(f => new FileInfo(f)).ToList();
        var largest = sizes.MaxBy(f => f.Length)!;
        var total = sizes.Sum(f => f.Length);
        return new GeneratedSource(total, files.Length, (double)total / models, largest.Length, largest.Name);
    }

    public override string ToString()
        => $"{TotalBytes / 1024.0 / 1024.0:0.0} MB in {Files} files: {BytesPerModel / 1024.0:0.0} KB per model, largest {LargestFileBytes / 1024.0:0.0} KB";
}
