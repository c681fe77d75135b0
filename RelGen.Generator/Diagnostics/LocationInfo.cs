using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RelGen.Generator.Diagnostics;

/// <summary>A location in a source or additional file as plain values, so diagnostics can travel through the cached pipeline.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static LocationInfo? From(Location? location)
    {
        // A source file, or an additional file (a migration, the snapshot).
        if (location is null || (location.SourceTree is null && location.Kind != LocationKind.ExternalFile))
            return null;
        var lines = location.GetLineSpan();
        var span = lines.Span;
        return new LocationInfo(location.SourceTree?.FilePath ?? lines.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            span.Start.Line, span.Start.Character, span.End.Line, span.End.Character);
    }

    public Location ToLocation()
        => Location.Create(FilePath, new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
}
