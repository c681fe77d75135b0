using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>Writes the module initializer that registers the assembly's models, so <c>CreateTablesAsync()</c> finds them without reflection.</summary>
internal static class RegistrationEmitter
{
    public static string Emit(EquatableArray<string> models)
    {
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Open("namespace RelGen.Generated");
        w.Open("internal static class RelGenModelRegistration");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Open("internal static void Register()");
        foreach (var model in models)
            w.Line($"global::RelGen.Metadata.ModelRegistry.Register<{model}>();");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
