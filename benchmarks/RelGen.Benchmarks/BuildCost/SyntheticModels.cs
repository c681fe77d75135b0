using System.Globalization;
using System.Text;

namespace RelGen.Benchmarks.BuildCost;

/// <summary>
/// A deterministic synthetic model set (issue 12's yardstick): each model has 5–10 mapped columns of mixed types and 1–3
/// relations to distinct earlier models (the first model points at itself). Written twice: as RelGen models (partial,
/// <c>[Model]</c>, <c>[ForeignKey]</c>), and as the same plain classes without RelGen, with the key property RelGen would add.
/// The contract floor compiles the RelGen text without the generator, beside <see cref="ContractFloor"/>'s per-model files.
/// </summary>
public sealed class SyntheticModels(int count, int seed)
{
    private static readonly string[] ColumnTypes =
        ["int", "long", "string", "bool", "DateOnly", "decimal", "double", "DateTime", "Guid", "string?", "int?", "DateTimeOffset", "short", "TimeOnly"];

    private readonly List<SyntheticModel> _models = Build(count, seed);

    public int Count => _models.Count;

    /// <summary>The models in order (a model's relations point at earlier ones, or the first at itself).</summary>
    public IReadOnlyList<SyntheticModel> Models => _models;

    private static List<SyntheticModel> Build(int count, int seed)
    {
        var random = new Random(seed);
        var models = new List<SyntheticModel>(count);
        for (var i = 0; i < count; i++)
        {
            var columns = new List<(string, string)>();
            var columnCount = random.Next(5, 11);
            for (var c = 0; c < columnCount; c++)
                columns.Add((ColumnTypes[random.Next(ColumnTypes.Length)], "Field" + c.ToString(CultureInfo.InvariantCulture)));
            var relations = new List<(string, string)>();
            var relationCount = i == 0 ? 1 : Math.Min(random.Next(1, 4), i);
            var targets = new HashSet<int>();
            while (targets.Count < relationCount)
                targets.Add(i == 0 ? 0 : random.Next(i));
            var r = 0;
            foreach (var target in targets.Order())
                relations.Add(("Model" + target.ToString(CultureInfo.InvariantCulture), "Link" + (r++).ToString(CultureInfo.InvariantCulture)));
            models.Add(new SyntheticModel("Model" + i.ToString(CultureInfo.InvariantCulture), columns, relations));
        }
        return models;
    }

    /// <summary>Writes one file per model into <paramref name="folder"/>.</summary>
    public void Write(string folder, bool relGen)
    {
        Directory.CreateDirectory(folder);
        foreach (var model in _models)
            File.WriteAllText(Path.Combine(folder, model.Name + ".cs"), relGen ? RelGenSource(model) : PlainSource(model));
    }

    private static string RelGenSource(SyntheticModel model)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;").AppendLine("using System.ComponentModel.DataAnnotations;").AppendLine("using RelGen;").AppendLine();
        s.AppendLine("namespace Synthetic;").AppendLine();
        s.AppendLine("[Model]").Append("public partial class ").AppendLine(model.Name).AppendLine("{");
        s.AppendLine("    public int Id { get; set; }");
        foreach (var (type, name) in model.Columns)
            s.Append(type == "string" ? "    [MaxLength(100)] " : "    ").Append("public ").Append(type).Append(' ').Append(name).AppendLine(Initializer(type));
        foreach (var (target, name) in model.Relations)
            s.Append("    [ForeignKey] public partial ").Append(target).Append(' ').Append(name).AppendLine(" { get; set; }");
        return s.AppendLine("}").ToString();
    }

    private static string PlainSource(SyntheticModel model)
    {
        var s = new StringBuilder();
        s.AppendLine("using System;").AppendLine("using System.ComponentModel.DataAnnotations;").AppendLine();
        s.AppendLine("namespace Synthetic;").AppendLine();
        s.Append("public class ").AppendLine(model.Name).AppendLine("{");
        s.AppendLine("    public int Id { get; set; }");
        foreach (var (type, name) in model.Columns)
            s.Append(type == "string" ? "    [MaxLength(100)] " : "    ").Append("public ").Append(type).Append(' ').Append(name).AppendLine(Initializer(type));
        foreach (var (target, name) in model.Relations)
        {
            s.Append("    public ").Append(target).Append(' ').Append(name).AppendLine(" { get; set; } = null!;");
            s.Append("    public int ").Append(name).AppendLine("Id { get; set; }");
        }
        return s.AppendLine("}").ToString();
    }

    /// <summary>True for the columns declared with an initial value (<c>= ""</c>: the non-nullable strings).</summary>
    public static bool HasInitializer(string type) => type == "string";

    private static string Initializer(string type) => HasInitializer(type) ? " { get; set; } = \"\";" : " { get; set; }";
}
