using RelGen.Generator.Model;

namespace RelGen.Generator.Emit;

/// <summary>
/// Plain implementations of the partial relation properties of a model with errors (or of a relation whose
/// target has errors), so the RG diagnostic is the only error reported.
/// </summary>
internal static class StubEmitter
{
    public static string Emit(StubSpec stub)
    {
        var w = new SourceWriter();
        FileHeader.Write(w);
        if (stub.Namespace.Length > 0)
            w.Open("namespace " + stub.Namespace);
        w.Open("partial class " + stub.ClassName);
        foreach (var property in stub.Properties)
        {
            var parts = property.Split('|');
            WriteProperty(w, parts[0], parts[1], parts[2], parts[3], parts[4]);
        }
        w.Close();
        if (stub.Namespace.Length > 0)
            w.Close();
        return w.ToString();
    }

    private static void WriteProperty(SourceWriter w, string modifiers, string type, string name, string getter, string setter)
    {
        var field = "__relgen" + name;
        // The declared type as is: the property's type may be anything here, a value type included (RG0003).
        w.Line($"private {type} {field} = default!;");
        var accessors = (getter.Length > 0 ? $" {getter} => {field};" : "") + (setter.Length > 0 ? $" {setter} => {field} = value;" : "");
        w.Line($"{modifiers} partial {type} {name} {{{accessors} }}");
        w.Line();
    }
}
