namespace RelGen.Benchmarks.BuildCost;

/// <summary>
/// One synthetic model: its class name, its mapped columns (C# type as declared, property name; the key <c>Id</c> is not
/// among them) and its relations (target class, property name; every target key is an <c>int</c>, no relation is nullable).
/// </summary>
public sealed record SyntheticModel(string Name, List<(string Type, string Name)> Columns, List<(string Target, string Name)> Relations);
