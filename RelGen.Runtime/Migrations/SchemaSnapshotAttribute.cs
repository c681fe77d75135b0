using System.ComponentModel;

namespace RelGen.Metadata;

/// <summary>
/// The schema the assembly's models need, as snapshot JSON (format <c>relgen-schema</c>, see RelGen.Schema's
/// <c>SnapshotJson</c>). The generator puts it on the assembly; <c>dotnet relgen migrations add</c> reads it from
/// the built file's metadata without loading the assembly. Nothing reads it at run time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class SchemaSnapshotAttribute : Attribute
{
    /// <summary>Puts the snapshot <paramref name="json"/> on the assembly.</summary>
    public SchemaSnapshotAttribute(string json) => Json = json;

    /// <summary>The schema snapshot, as <c>relgen-schema</c> JSON.</summary>
    public string Json { get; }
}
