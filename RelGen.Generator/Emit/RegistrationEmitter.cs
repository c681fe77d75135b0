using System.Linq;
using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Writes the module initializer that registers the assembly's models, so <c>CreateTablesAsync()</c> finds them.</summary>
internal static class RegistrationEmitter
{
    public static string Emit(ModelGraph graph)
    {
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Open("namespace RelGen.Generated");
        w.Line(Names.Browsable);
        w.Open("internal static class RelGenModelRegistration");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        var models = string.Join(", ", graph.Models.Select(m => m.Model.FullName + ".Metadata.Instance"));
        w.Line($"global::RelGen.Schema.ModelRegistry.Register({models});");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
