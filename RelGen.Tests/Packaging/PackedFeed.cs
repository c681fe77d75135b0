namespace RelGen.Tests.Packaging;

/// <summary>
/// The packages of this test run, packed once by <see cref="PackagingSetUp"/>: a feed folder with RelGen and
/// RelGen.Testing (.nupkg and .snupkg) of a version no other run shares, and a packages folder of its own
/// (NUGET_PACKAGES) so no RelGen cached by an earlier run can stand in.
/// </summary>
public sealed record PackedFeed(string Work, string Feed, string Packages, string Version, string RepositoryRoot, string Artifacts)
{
    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolsPackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");
}
