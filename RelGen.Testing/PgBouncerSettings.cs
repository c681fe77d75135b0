namespace RelGen.Testing;

/// <summary>What goes into a throwaway PgBouncer's configuration: the server behind it and how to pool.</summary>
internal sealed record PgBouncerSettings(
    string ServerHost,
    int ServerPort,
    string User,
    string? Password,
    PgBouncerPoolMode PoolMode,
    int PoolSize,
    int MaxClientConnections);
