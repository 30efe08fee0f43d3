using Sweep.Orchestrator.Cluster;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Tests.Cluster;

/// <summary><c>--cluster</c> and its companions: both address forms, the ids, and the password rules.</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void A_postgres_url_gives_host_port_database_and_user_and_options_from_its_query()
    {
        var b = ClusterSettings.Parse("postgres://ann@db.lab:6543/sweeps?sslmode=require", "--cluster");
        Assert.Equal(("db.lab", 6543, "sweeps", "ann"), (b.Host, b.Port, b.Database, b.Username));
        Assert.Equal(Npgsql.SslMode.Require, b.SslMode);
        Assert.Equal(5432, ClusterSettings.Parse("postgresql://ann@db/sweeps", "--cluster").Port);
    }

    [Fact]
    public void A_key_value_string_is_taken_as_it_is()
    {
        var b = ClusterSettings.Parse("Host=10.0.0.5;Port=5433;Database=s;Username=u", "SWEEP_CLUSTER");
        Assert.Equal(("10.0.0.5", 5433, "s", "u"), (b.Host, b.Port, b.Database, b.Username));
    }

    [Theory]
    [InlineData("db.lab:5432/sweeps", "neither postgres://")]
    [InlineData("postgres://ann@db.lab", "no database")]
    [InlineData("postgres://db.lab/sweeps", "no user")]
    [InlineData("Host=db;Database=s;Usernme=u", "not a valid connection string")]
    [InlineData("postgres://ann@db.lab/s?colour=red", "query parameter 'colour'")]
    public void A_malformed_address_is_a_usage_error_naming_the_source(string text, string expected)
    {
        var e = Assert.Throws<UsageException>(() => ClusterSettings.Parse(text, "--cluster"));
        Assert.StartsWith("--cluster: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_on_the_command_line_is_refused_and_a_password_file_supplies_it()
    {
        var e = Assert.Throws<UsageException>(() => ClusterSettings.From("postgres://ann:secret@db/s", null, null, null, null));
        Assert.Contains("process list", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret\n");
            var settings = ClusterSettings.From("postgres://ann@db/s", "lab", "svc", "/k.pfx", file)!;
            Assert.Equal(("s3cret", "lab", "svc", "/k.pfx"), (settings.Connection.Password, settings.ClusterId, settings.ServiceId, settings.KeyFile));
            Assert.Equal("postgres://ann@db:5432/s", settings.Database);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Ids_must_be_plain_names_and_need_a_cluster()
    {
        Assert.Contains("--cluster-id 'a b'", Assert.Throws<UsageException>(() => ClusterSettings.From("postgres://u@h/d", "a b", null, null, null)).Message, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("SWEEP_CLUSTER") is null)
        {
            Assert.Null(ClusterSettings.From(null, null, null, null, null));
            Assert.Contains("need --cluster", Assert.Throws<UsageException>(() => ClusterSettings.From(null, "x", null, null, null)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Silos_that_make_the_key_at_once_all_end_up_with_the_same_one()
    {
        // Silos started together each make the cluster's key when none is there yet: one must win for all.
        var folder = Directory.CreateTempSubdirectory("sweep-key-");
        try
        {
            var path = Path.Combine(folder.FullName, "cluster-key.pfx");
            var keys = new byte[8][];
            using var go = new Barrier(keys.Length);
            Parallel.For(0, keys.Length, new ParallelOptions { MaxDegreeOfParallelism = keys.Length }, i =>
            {
                go.SignalAndWait();
                using var key = Sweep.Orchestrator.Hosting.SweepKey.LoadOrCreate(path, "test");
                keys[i] = key.RawData;
            });
            Assert.All(keys, k => Assert.Equal(keys[0], k));
            Assert.Equal(["cluster-key.pfx"], folder.EnumerateFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
