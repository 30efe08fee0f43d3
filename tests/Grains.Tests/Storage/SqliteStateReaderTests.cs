using System.Diagnostics;
using Sweep.Grains.Storage;
using Xunit.Abstractions;

namespace Sweep.Grains.Tests.Storage;

public sealed class SqliteStateReaderTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public void Missing_file_throws_naming_the_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new SqliteStateReader(_db.Path));
        Assert.Contains(_db.Path, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_db.Path));
    }

    [Fact]
    public async Task Reader_sees_committed_writes_while_the_provider_keeps_writing()
    {
        var grain = GrainId.Create("sample", "busy");
        using var storage = _db.CreateStorage();
        var state = await SqliteGrainStorageTests.WriteAsync(storage, SampleState.Example(0), grain);
        using var reader = new SqliteStateReader(_db.Path);

        const int Writes = 300;
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= Writes; i++)
            {
                state.State = SampleState.Example(i);
                await storage.WriteStateAsync("s", grain, state);
            }
        });

        long last = 0, reads = 0;
        while (!writer.IsCompleted)
        {
            var seen = reader.Get<SampleState>("s", grain.ToString())!.Counter;
            Assert.True(seen >= last, $"reader went back from counter {last} to {seen}");
            last = seen;
            reads++;
        }

        await writer;
        Assert.Equal(Writes, reader.Get<SampleState>("s", grain.ToString())!.Counter);
        output.WriteLine($"{reads} reads interleaved with {Writes} writes");
    }

    [Fact]
    public async Task Mean_write_time_of_1000_writes_is_reported()
    {
        var grain = GrainId.Create("sample", "timed");
        using var storage = _db.CreateStorage();
        var state = await SqliteGrainStorageTests.WriteAsync(storage, SampleState.Example(0), grain);

        const int Writes = 1000;
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= Writes; i++)
        {
            state.State = SampleState.Example(i);
            await storage.WriteStateAsync("s", grain, state);
        }

        clock.Stop();
        output.WriteLine($"SQLite grain storage: {Writes} writes, mean {clock.Elapsed.TotalMicroseconds / Writes:F1} µs per write (WAL, synchronous=NORMAL)");
        Assert.Equal(Writes, (await SqliteGrainStorageTests.ReadAsync(storage, grain)).State!.Counter);
    }

    public void Dispose() => _db.Dispose();
}
