using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Writes the module initializer that registers the project's migration files (embedded as text: nothing is read from disk
/// at run time), in the order they apply, for <c>MigrateAsync</c>.
/// </summary>
internal static class MigrationsEmitter
{
    public static string Emit(MigrationSetSpec migrations)
    {
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Open("namespace RelGen.Generated");
        w.Open("internal static class RelGenMigrations");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        w.Line("global::RelGen.Metadata.MigrationRegistry.Register(");
        for (var i = 0; i < migrations.Migrations.Count; i++)
        {
            var m = migrations.Migrations[i];
            var down = m.Down is null ? "null" : Names.Literal(m.Down);
            w.Line($"    new global::RelGen.Metadata.MigrationDescriptor({Names.Literal(m.Name)}, {Names.Literal(m.Up)}, {down}){(i == migrations.Migrations.Count - 1 ? ");" : ",")}");
        }
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
