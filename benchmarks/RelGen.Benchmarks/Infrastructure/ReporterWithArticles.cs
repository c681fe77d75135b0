using RelGen.Benchmarks.Models;

namespace RelGen.Benchmarks.Infrastructure;

/// <summary>A reporter and its articles, as the hand-written and Dapper prefetch variants return them.</summary>
public sealed record ReporterWithArticles(Reporter Reporter, List<Article> Articles);
