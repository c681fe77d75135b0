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
            WriteProperty(w, parts[0], parts[1], parts[2], parts[3] == "set");
        }
        w.Close();
        if (stub.Namespace.Length > 0)
            w.Close();
        return w.ToString();
    }

    public static void WriteProperty(SourceWriter w, string modifiers, string type, string name, bool hasSetter)
    {
        var field = "__relgen" + name;
        w.Line($"private {type.TrimEnd('?')}? {field};");
        w.Line(hasSetter
            ? $"{modifiers} partial {type} {name} {{ get => {field}!; set => {field} = value; }}"
            : $"{modifiers} partial {type} {name} {{ get => {field}!; }}");
        w.Line();
    }
}
