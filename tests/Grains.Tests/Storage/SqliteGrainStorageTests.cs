using Microsoft.Data.Sqlite;
using Orleans.Storage;
using Sweep.Grains.Storage;

namespace Sweep.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("sample", "sweep-1:7");
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Write_then_read_round_trips_records_with_immutable_collections_enums_and_nullables()
    {
        using var storage = _db.CreateStorage();
        foreach (var expected in new[] { SampleState.Example(), SampleState.Example(1, best: null) })
        {
            var written = await ReadAsync(storage);
            written.State = expected;
            await storage.WriteStateAsync("s", Grain, written);

            var read = await ReadAsync(storage);
            Assert.True(read.RecordExists);
            Assert.Equal(written.ETag, read.ETag);
            SampleState.AssertEquivalent(expected, read.State);
        }
    }

    [Fact]
    public async Task Missing_state_reads_as_absent_with_no_etag()
    {
        using var storage = _db.CreateStorage();
        var read = await ReadAsync(storage);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_InconsistentStateException()
    {
        using var storage = _db.CreateStorage();
        await WriteAsync(storage, SampleState.Example(0));
        var first = await ReadAsync(storage);
        var stale = await ReadAsync(storage);
        first.State = SampleState.Example(1);
        await storage.WriteStateAsync("s", Grain, first);

        stale.State = SampleState.Example(2);
        var e = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Grain, stale));
        Assert.Equal(first.ETag, e.StoredEtag);
        Assert.Equal(stale.ETag, e.CurrentEtag);

        // An insert (no etag) over an existing row conflicts too.
        var blind = new Orleans.GrainState<SampleState>(SampleState.Example(3));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Grain, blind));
        Assert.Equal(1, (await ReadAsync(storage)).State!.Counter);
    }

    [Fact]
    public async Task A_fenced_write_lands_while_its_fence_row_holds_and_is_refused_once_that_row_moved()
    {
        using var storage = _db.CreateStorage();
        var sweep = await WriteAsync(storage, SampleState.Example(0));
        var fence = new StateFence("s", Grain.ToString(), long.Parse(sweep.ETag!, System.Globalization.CultureInfo.InvariantCulture));
        var trial = GrainId.Create("trial", "sweep-1:7/0");
        var row = new Orleans.GrainState<Model.TrialInfo?>(new Model.TrialInfo { SweepId = "sweep-1:7", Status = TrialState.Running, Fence = fence });
        await storage.WriteStateAsync("trial", trial, row);
        row.State = row.State! with { Attempt = 2 };
        await storage.WriteStateAsync("trial", trial, row);

        // Another writer moved the fence row on: neither an update nor an insert under the old fence lands.
        await WriteAsync(storage, SampleState.Example(1));
        row.State = row.State with { Status = TrialState.Complete };
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("trial", trial, row));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
        var fresh = new Orleans.GrainState<Model.TrialInfo?>(new Model.TrialInfo { SweepId = "sweep-1:7", Number = 1, Fence = fence });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("trial", GrainId.Create("trial", "sweep-1:7/1"), fresh));

        var stored = new Orleans.GrainState<Model.TrialInfo?>();
        await storage.ReadStateAsync("trial", trial, stored);
        Assert.Equal((TrialState.Running, 2, fence), (stored.State!.Status, stored.State.Attempt, stored.State.Fence));
        var missing = new Orleans.GrainState<Model.TrialInfo?>();
        await storage.ReadStateAsync("trial", GrainId.Create("trial", "sweep-1:7/1"), missing);
        Assert.False(missing.RecordExists);
    }

    [Fact]
    public async Task Clear_keeps_a_tombstone_that_reads_as_absent_and_still_guards_the_etag()
    {
        using var storage = _db.CreateStorage();
        await WriteAsync(storage, SampleState.Example(5));
        var stale = await ReadAsync(storage);
        var state = await ReadAsync(storage);

        await storage.ClearStateAsync("s", Grain, state);
        Assert.False(state.RecordExists);

        var read = await ReadAsync(storage);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        using (var reader = new SqliteStateReader(_db.Path))
        {
            Assert.Null(reader.Get<SampleState>("s", Grain.ToString()));
            Assert.Empty(reader.List<SampleState>("s"));
        }

        stale.State = SampleState.Example(6);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Grain, stale));
        read.State = SampleState.Example(7);
        await storage.WriteStateAsync("s", Grain, read);
        Assert.Equal(7, (await ReadAsync(storage)).State!.Counter);
    }

    [Fact]
    public async Task Corrupted_payload_throws_naming_state_grain_and_file()
    {
        using var storage = _db.CreateStorage();
        await WriteAsync(storage, SampleState.Example());
        using (var raw = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE grain_state SET payload = '{\"Name\": [not json'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var e = await Assert.ThrowsAsync<StoredStateCorruptedException>(() => ReadAsync(storage));
        Assert.Contains("stored s record", e.Message, StringComparison.Ordinal);
        Assert.Contains(Grain.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains(_db.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_survives_closing_and_reopening_the_file()
    {
        string? etag;
        using (var storage = _db.CreateStorage())
        {
            etag = (await WriteAsync(storage, SampleState.Example(42))).ETag;
        }

        // No silo holds the file (WAL checkpointed and closed): the read-only reader still opens it.
        using (var reader = new SqliteStateReader(_db.Path))
        {
            SampleState.AssertEquivalent(SampleState.Example(42), reader.Get<SampleState>("s", Grain.ToString()));
        }

        using var reopened = _db.CreateStorage();
        var read = await ReadAsync(reopened);
        Assert.Equal(etag, read.ETag);
        SampleState.AssertEquivalent(SampleState.Example(42), read.State);
    }

    [Fact]
    public async Task Each_state_name_and_grain_is_its_own_row()
    {
        using var storage = _db.CreateStorage();
        var other = GrainId.Create("sample", "sweep-1:8");
        await WriteAsync(storage, SampleState.Example(1));
        var state = new Orleans.GrainState<SampleState>(SampleState.Example(2));
        await storage.WriteStateAsync("s", other, state);
        await storage.WriteStateAsync("t", Grain, new Orleans.GrainState<SampleState>(SampleState.Example(3)));

        using var reader = new SqliteStateReader(_db.Path);
        Assert.Equal([(Grain.ToString(), 1L), (other.ToString(), 2L)],
            reader.List<SampleState>("s", "sample/sweep-1:").Select(r => (r.GrainId, r.State.Counter)));
        Assert.Empty(reader.List<SampleState>("s", "sample/sweep-2"));
        Assert.Equal(3, reader.Get<SampleState>("t", Grain.ToString())!.Counter);
    }

    public void Dispose() => _db.Dispose();

    internal static async Task<Orleans.GrainState<SampleState>> ReadAsync(IGrainStorage storage, GrainId? grain = null)
    {
        var state = new Orleans.GrainState<SampleState>();
        await storage.ReadStateAsync("s", grain ?? Grain, state);
        return state;
    }

    internal static async Task<Orleans.GrainState<SampleState>> WriteAsync(IGrainStorage storage, SampleState value, GrainId? grain = null)
    {
        var state = await ReadAsync(storage, grain);
        state.State = value;
        await storage.WriteStateAsync("s", grain ?? Grain, state);
        return state;
    }
}
