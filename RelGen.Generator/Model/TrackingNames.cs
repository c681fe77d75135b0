namespace RelGen.Generator.Model;

/// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Parse = "RelGen.Parse";
    public const string Diagnostics = "RelGen.Diagnostics";
    public const string Graph = "RelGen.Graph";
    public const string Clashes = "RelGen.Clashes";
    public const string ModelFiles = "RelGen.ModelFiles";
    public const string Stubs = "RelGen.Stubs";
    public const string Registration = "RelGen.Registration";
    public const string ReferencedModels = "RelGen.ReferencedModels";
    public const string Schema = "RelGen.Schema";
    public const string MigrationFiles = "RelGen.MigrationFiles";
    public const string Migrations = "RelGen.Migrations";
    public const string PendingChanges = "RelGen.PendingChanges";
}
