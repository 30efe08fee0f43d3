using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Storage;

/// <summary>A database path in a fresh temp directory, deleted with it; makes providers over that file.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly Lazy<IActivatorProvider> Activators = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>());

    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sweep-sqlite-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "state.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public GrainStateStorage CreateStorage(string name = "sqlite") =>
        new(name, new SqliteGrainStorageOptions { DatabasePath = Path }, Activators.Value, NullLogger<GrainStateStorage>.Instance);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another thread; the temp directory is swept by the OS.
        }
    }
}
