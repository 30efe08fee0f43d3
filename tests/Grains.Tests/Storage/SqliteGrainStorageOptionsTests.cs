using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Storage;

public sealed class SqliteGrainStorageOptionsTests
{
    [Fact]
    public void Missing_DatabasePath_is_rejected_naming_the_key()
    {
        var e = Assert.Throws<ArgumentException>(() => new SqliteGrainStorageOptions().Validate("sqlite"));
        Assert.Contains("SqliteGrainStorageOptions.DatabasePath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_rejected_naming_the_path()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sweep-missing-" + Guid.NewGuid().ToString("N"));
        var options = new SqliteGrainStorageOptions { DatabasePath = Path.Combine(directory, "state.db") };
        var e = Assert.Throws<ArgumentException>(() => options.Validate("sqlite"));
        Assert.Contains(directory, e.Message, StringComparison.Ordinal);
        Assert.Contains("DatabasePath", e.Message, StringComparison.Ordinal);
    }
}
