using System;
using System.Collections.Generic;
using System.Linq;

namespace RelGen.Schema.Snapshots;

/// <summary>Argument checks shared by the snapshot types: a snapshot is never built with an empty name.</summary>
internal static class Names
{
    public static string Require(string value, string what)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The {what} is empty.") : value;

    public static IReadOnlyList<string> RequireList(IEnumerable<string> values, string what)
    {
        var list = values?.ToArray() ?? throw new ArgumentException($"The {what} are missing.");
        if (list.Length == 0)
            throw new ArgumentException($"The {what} are empty.");
        foreach (var value in list)
            Require(value, what);
        return list;
    }
}
