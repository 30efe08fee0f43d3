using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Npgsql;
using Orleans.Configuration;
using Sweep.Grains.Storage;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Cluster;

/// <summary>
/// Which cluster a process belongs to: the PostgreSQL database holding membership and state, the cluster and service
/// ids, and the key file that proves membership. Null settings mean the embedded mode (one home, SQLite).
/// </summary>
public sealed partial record ClusterSettings(NpgsqlConnectionStringBuilder Connection, string ClusterId, string ServiceId, string KeyFile)
{
    public const string DefaultClusterId = "sweep";
    public const string DefaultServiceId = "sweep";

    /// <summary>The cluster key: <c>$XDG_CONFIG_HOME/sweep/cluster-key.pfx</c>, by default <c>~/.config/sweep/cluster-key.pfx</c>.</summary>
    public static string DefaultKeyFile =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config
            ? config
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "sweep", "cluster-key.pfx");

    /// <summary>The database, for messages (never with a password).</summary>
    public string Database => PostgresDatabase.Describe(Connection);

    /// <summary>
    /// The settings from a verb's flags and the environment (<c>SWEEP_CLUSTER</c>, <c>SWEEP_CLUSTER_ID</c>,
    /// <c>SWEEP_SERVICE_ID</c>, <c>SWEEP_KEY</c>); null when neither names a cluster.
    /// </summary>
    /// <exception cref="UsageException">A value is malformed, or a password is on the command line.</exception>
    public static ClusterSettings? From(string? cluster, string? clusterId, string? serviceId, string? keyFile, string? passwordFile)
    {
        var fromCommandLine = cluster is not null;
        cluster ??= Environment.GetEnvironmentVariable("SWEEP_CLUSTER") is { Length: > 0 } env ? env : null;
        if (cluster is null)
        {
            if (clusterId is not null || serviceId is not null || passwordFile is not null)
                throw new UsageException("--cluster-id, --service-id and --password-file need --cluster URL (or SWEEP_CLUSTER)");
            return null;
        }
        var source = fromCommandLine ? "--cluster" : "SWEEP_CLUSTER";
        var connection = Parse(cluster, source);
        if (fromCommandLine && !string.IsNullOrEmpty(connection.Password))
            throw new UsageException("--cluster: a password on the command line is visible to every user in the process list; " +
                                     "put it in a file (--password-file FILE, or a pgpass file named by PGPASSFILE)");
        if (passwordFile is not null) connection.Password = ReadPassword(passwordFile);
        return new ClusterSettings(
            connection,
            Id(clusterId ?? Environment.GetEnvironmentVariable("SWEEP_CLUSTER_ID") ?? DefaultClusterId, "--cluster-id"),
            Id(serviceId ?? Environment.GetEnvironmentVariable("SWEEP_SERVICE_ID") ?? DefaultServiceId, "--service-id"),
            ResolveKeyFile(keyFile));
    }

    /// <summary>The key file: <paramref name="given"/> (<c>--key</c>), else <c>SWEEP_KEY</c>, else <see cref="DefaultKeyFile"/>.</summary>
    public static string ResolveKeyFile(string? given) =>
        given ?? (Environment.GetEnvironmentVariable("SWEEP_KEY") is { Length: > 0 } key ? key : DefaultKeyFile);

    /// <summary><c>postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]</c>, or an Npgsql <c>key=value;…</c> string.</summary>
    /// <exception cref="UsageException">Neither form, or a required part missing.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text, string source)
    {
        NpgsqlConnectionStringBuilder b;
        if (text.StartsWith("postgres://", StringComparison.Ordinal) || text.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                throw new UsageException($"{source}: '{Redact(text)}' is not a URL like postgres://USER@HOST[:PORT]/DATABASE");
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            var userInfo = uri.UserInfo.Split(':', 2);
            b = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
                Database = database,
                Username = Uri.UnescapeDataString(userInfo[0]),
            };
            if (userInfo.Length == 2) b.Password = Uri.UnescapeDataString(userInfo[1]);
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]);
                var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
                try
                {
                    b[key switch { "sslmode" => "SSL Mode", "passfile" => "Passfile", "connect_timeout" => "Timeout", _ => key }] = value;
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
                {
                    throw new UsageException($"{source}: query parameter '{key}' is not an option PostgreSQL connections take ({e.Message})");
                }
            }
        }
        else if (text.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                b = new NpgsqlConnectionStringBuilder(text);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new UsageException($"{source}: not a valid connection string ({e.Message})");
            }
        }
        else
        {
            throw new UsageException($"{source}: '{Redact(text)}' is neither postgres://USER@HOST[:PORT]/DATABASE nor Host=…;Database=…;Username=…");
        }
        if (string.IsNullOrEmpty(b.Host)) throw new UsageException($"{source}: no host");
        if (string.IsNullOrEmpty(b.Database)) throw new UsageException($"{source}: no database (postgres://USER@HOST/DATABASE)");
        if (string.IsNullOrEmpty(b.Username)) throw new UsageException($"{source}: no user (postgres://USER@HOST/DATABASE)");
        // Fail fast when the server is away, and let pooled connections notice a restarted server.
        if (b.Timeout == 15) b.Timeout = 5;
        b.KeepAlive = 10;
        b.ApplicationName = "sweep";
        return b;
    }

    /// <summary>The key that proves this process belongs (made on first use).</summary>
    /// <exception cref="UsageException">The key file exists but cannot be read or is not a key.</exception>
    public X509Certificate2 LoadKey() => SweepKey.LoadOrCreate(KeyFile, "every silo and client of a cluster needs the cluster's key file");

    /// <summary>What every silo of the cluster shares: its ids, membership in the database, its timing, mutual TLS with <paramref name="key"/>.</summary>
    public void Configure(ISiloBuilder silo, X509Certificate2 key)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", Connection.ConnectionString));
        ClusterTiming.Configure(silo);
        silo.UseTls(key, o => SweepKeyTls.Configure(o, key));
    }

    /// <summary>The same for a client: it finds the gateways through membership.</summary>
    public void Configure(IClientBuilder client, X509Certificate2 key)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId));
        client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", Connection.ConnectionString));
        ClusterTiming.Configure(client);
        client.UseTls(key, o => SweepKeyTls.Configure(o, key));
    }

    /// <summary>
    /// Connections for Sweep's own tables. Commits do not wait for the WAL flush (<c>synchronous_commit=off</c>): a
    /// crash of the database server may lose the last fraction of a second of commits, never corrupt anything, as
    /// with a home's SQLite file (<c>synchronous=NORMAL</c>); a clean restart loses nothing. It makes a trial's five
    /// writes about twice as fast. Membership keeps the server's default.
    /// </summary>
    public NpgsqlDataSource OpenDataSource()
    {
        var b = new NpgsqlConnectionStringBuilder(Connection.ConnectionString);
        b.Options = string.IsNullOrEmpty(b.Options) ? "-c synchronous_commit=off" : $"{b.Options} -c synchronous_commit=off";
        return NpgsqlDataSource.Create(b.ConnectionString);
    }

    private static string ReadPassword(string file)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault()?.TrimEnd('\r');
            return string.IsNullOrEmpty(line) ? throw new UsageException($"--password-file {file}: the first line (the password) is empty") : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--password-file {file}: {e.Message}");
        }
    }

    private static string Id(string value, string option) => IdPattern().IsMatch(value)
        ? value
        : throw new UsageException($"{option} '{value}': use letters, digits, '.', '_' or '-' (at most 100)");

    private static string Redact(string text) => PasswordInUrl().Replace(text, "$1:***@");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(postgres(?:ql)?://[^:/@]*):[^@]*@")]
    private static partial Regex PasswordInUrl();
}
