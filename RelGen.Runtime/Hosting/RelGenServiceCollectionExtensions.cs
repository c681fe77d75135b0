using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RelGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="RelGenDatabase"/> in a service container. The database is a <b>singleton</b>: it is thread-safe,
/// holds no per-request state (a transaction belongs to the async flow that began it), and owns or shares the connection
/// pool of its <see cref="NpgsqlDataSource"/>. It logs through the container's <see cref="ILoggerFactory"/>.
/// </summary>
public static class RelGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="RelGenDatabase"/> on the <see cref="NpgsqlDataSource"/> the container holds (for example from
    /// Npgsql.DependencyInjection's <c>AddNpgsqlDataSource</c>), or else on <see cref="RelGenOptions.ConnectionString"/>.
    /// </summary>
    public static IServiceCollection AddRelGen(this IServiceCollection services, Action<RelGenOptions>? configure = null)
        => Add(services, serviceKey: null, connectionString: null, dataSource: null, configure);

    /// <summary>Registers a <see cref="RelGenDatabase"/> with a data source of its own on <paramref name="connectionString"/> (disposed with the container).</summary>
    public static IServiceCollection AddRelGen(this IServiceCollection services, string connectionString, Action<RelGenOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return Add(services, serviceKey: null, connectionString, dataSource: null, configure);
    }

    /// <summary>Registers a <see cref="RelGenDatabase"/> on the data source <paramref name="dataSource"/> builds (owned by whoever built it).</summary>
    public static IServiceCollection AddRelGen(this IServiceCollection services, Func<IServiceProvider, NpgsqlDataSource> dataSource,
        Action<RelGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return Add(services, serviceKey: null, connectionString: null, dataSource, configure);
    }

    /// <summary>
    /// Registers a keyed <see cref="RelGenDatabase"/> (several databases in one container): on the keyed
    /// <see cref="NpgsqlDataSource"/> with the same key, or else on the named <see cref="RelGenOptions"/> whose name is the key.
    /// </summary>
    public static IServiceCollection AddKeyedRelGen(this IServiceCollection services, object? serviceKey, Action<RelGenOptions>? configure = null)
        => Add(services, serviceKey, connectionString: null, dataSource: null, configure);

    /// <summary>Registers a keyed <see cref="RelGenDatabase"/> with a data source of its own on <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddKeyedRelGen(this IServiceCollection services, object? serviceKey, string connectionString,
        Action<RelGenOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return Add(services, serviceKey, connectionString, dataSource: null, configure);
    }

    private static IServiceCollection Add(IServiceCollection services, object? serviceKey, string? connectionString,
        Func<IServiceProvider, NpgsqlDataSource>? dataSource, Action<RelGenOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = OptionsName(serviceKey);
        services.AddOptions();
        if (configure is not null)
            services.Configure(name, configure);
        if (serviceKey is null)
            services.TryAddSingleton(provider => Create(provider, null, name, connectionString, dataSource));
        else
            services.TryAddKeyedSingleton(serviceKey, (provider, key) => Create(provider, key, name, connectionString, dataSource));
        return services;
    }

    private static RelGenDatabase Create(IServiceProvider provider, object? serviceKey, string optionsName, string? connectionString,
        Func<IServiceProvider, NpgsqlDataSource>? dataSource)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<RelGenOptions>>().Get(optionsName);
        var loggerFactory = provider.GetService<ILoggerFactory>();
        RelGenDatabase database;
        if (dataSource is not null)
            database = RelGenDatabase.Create(dataSource(provider), loggerFactory);
        else if (connectionString is not null)
            database = RelGenDatabase.Create(connectionString, loggerFactory);
        else if ((serviceKey is null ? provider.GetService<NpgsqlDataSource>() : provider.GetKeyedService<NpgsqlDataSource>(serviceKey)) is { } registered)
            database = RelGenDatabase.Create(registered, loggerFactory);
        else if (!string.IsNullOrEmpty(options.ConnectionString))
            database = RelGenDatabase.Create(options.ConnectionString, loggerFactory);
        else
            throw new InvalidOperationException(
                $"AddRelGen{(serviceKey is null ? "" : $" (key '{serviceKey}')")} has no database: give a connection string, register an NpgsqlDataSource"
                + $"{(serviceKey is null ? "" : " with the same key")} (e.g. AddNpgsqlDataSource), or set RelGenOptions.ConnectionString.");
        database.FetchMode = options.FetchMode;
        database.StatementPreparation = options.StatementPreparation;
        database.RecordStatementText = options.RecordStatementText;
        database.SlowCommandThreshold = options.SlowCommandThreshold;
        database.EnableSensitiveDataLogging = options.EnableSensitiveDataLogging;
        database.ReadFrom = options.ReadFrom;
        database.ReadYourWrites = options.ReadYourWrites;
        database.ReadYourWritesWindow = options.ReadYourWritesWindow;
        return database;
    }

    private static string OptionsName(object? serviceKey) => serviceKey?.ToString() ?? Options.Options.DefaultName;
}
