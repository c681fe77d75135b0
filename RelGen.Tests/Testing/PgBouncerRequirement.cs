using RelGen.Testing;

namespace RelGen.Tests.Testing;

/// <summary>
/// PgBouncer is optional on a developer machine: without it the PgBouncer tests are ignored with a
/// message saying how to get it, unless RELGEN_REQUIRE_PGBOUNCER=1 (CI sets it after installing
/// pgbouncer), when they fail instead.
/// </summary>
internal static class PgBouncerRequirement
{
    public const string RequireEnvironmentVariable = "RELGEN_REQUIRE_PGBOUNCER";

    public static async Task<EphemeralPgBouncer> StartAsync(string serverConnectionString, EphemeralPgBouncerOptions? options = null)
    {
        try
        {
            return await EphemeralPgBouncer.StartAsync(serverConnectionString, options);
        }
        catch (PgBouncerNotFoundException e) when (Environment.GetEnvironmentVariable(RequireEnvironmentVariable) != "1")
        {
            Assert.Ignore($"{e.Message}{Environment.NewLine}(Set {RequireEnvironmentVariable}=1 to make this a failure, as CI does.)");
            throw;
        }
    }
}
