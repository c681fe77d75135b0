using RelGen.Query;

namespace RelGen.Loading;

/// <summary>
/// One relation <c>PrefetchRelated</c> loads: a path of any depth, forward or reverse, and optionally the query set its
/// objects are read with (Django's <c>Prefetch(lookup, queryset=…)</c>: filtered, ordered, with its own loading).
/// </summary>
internal sealed record PrefetchPath(RelationPath Path, QueryState? Query);
